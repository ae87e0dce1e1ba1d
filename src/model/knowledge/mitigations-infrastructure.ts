// Mitigations for the build chain, the runtime platform, the network layout and the quality of the model itself.

import type { Mitigation } from './types.js';

export const INFRASTRUCTURE_MITIGATIONS: readonly Mitigation[] = [
  {
    id: 'MIT-BASE-IMAGES',
    title: 'Build from pinned, verified base images',
    steps: [
      'Pull base images only from a trusted registry (an internal mirror, or official/verified publishers), referenced by digest (`FROM image@sha256:…`), not by a mutable tag.',
      'Prefer minimal images (distroless, Chainguard, Alpine) so fewer packages can carry a backdoor; rebuild on a schedule and when the base image is patched.',
      'Scan every image for known vulnerabilities and malware in the pipeline, and verify publisher signatures (cosign/Notary) before the build uses it.',
    ],
  },
  {
    id: 'MIT-REPO-PROTECTION',
    title: 'Protect the source repository and the build chain',
    steps: [
      'Require SSO with MFA for every account that can push, approve or administer; remove dormant accounts and personal access tokens with broad scopes.',
      'Protect the branches that build releases: required reviews by someone other than the author, required status checks, no force-push, signed commits.',
      'Grant least privilege: few administrators, read-only by default, separate roles for who changes pipeline definitions; restrict self-hosted build systems to the corporate network or an IP allow-list.',
      'Pin third-party actions, plugins and dependencies by digest or lock file, and review changes to them like code.',
    ],
  },
  {
    id: 'MIT-DEPLOY-VERIFY',
    title: 'Verify what the pipeline deploys',
    steps: [
      'Run static analysis (SAST), dependency scanning (SCA) and image scanning in the pipeline, and fail the build on findings above an agreed severity.',
      'Sign build artifacts and images (cosign/Sigstore) and record build provenance (SLSA); have the runtime admit only signed artifacts (admission controller, signature verification before deploy).',
      'Keep the deployed artifact the one that was tested: promote by digest from stage to production, never rebuild.',
    ],
  },
  {
    id: 'MIT-PULL-DEPLOY',
    title: 'Deploy by pulling from inside the environment (GitOps)',
    steps: [
      'Run a deployment agent inside the target environment (Argo CD, Flux, a pull-based agent) that pulls approved manifests or artifacts and applies them.',
      'Remove the pipeline\'s standing production credentials: the pipeline only writes to the repository or registry; the environment reaches out, nothing reaches in.',
      'Where a push is unavoidable, use short-lived federated credentials scoped to the one deployment, and approval gates for production.',
    ],
  },
  {
    id: 'MIT-BUILD-INFRA',
    title: 'Model and secure the build infrastructure',
    steps: [
      'Add the source repository, the build pipeline and the artifact registry that produce the custom-developed components to the design, with the flows that deploy them.',
      'Threat-model them like production: who can push, who can change the pipeline, where the deploy credentials live, how artifacts are verified.',
    ],
  },
  {
    id: 'MIT-SECRET-SCANNING',
    title: 'Keep secrets out of code, images and build logs',
    steps: [
      'Enable secret scanning with push protection on the repositories (GitHub secret scanning, GitLab secret detection, gitleaks or trufflehog in pre-commit and CI).',
      'Scan built images and artifacts for embedded keys before they are published; mask secrets in build logs.',
      'Inject secrets at run time from a secret store (Vault, Secrets Manager, Key Vault), never as build arguments or committed configuration; rotate any secret that was ever committed.',
    ],
  },
  {
    id: 'MIT-VAULT-ISOLATION',
    title: 'Isolate the secret store',
    steps: [
      'Run the secret store in its own network segment (or use a managed service behind a private endpoint), reachable only from the workloads that need it.',
      'Do not share its host, node pool or runtime with internet-facing components; restrict administrative access to a separate, MFA-protected path.',
    ],
  },
  {
    id: 'MIT-CONTAINER-ISOLATION',
    title: 'Harden the container platform against escapes',
    steps: [
      'Apply the CIS benchmark for the platform (Kubernetes, Docker) and keep nodes, kernel and runtime patched.',
      'Enforce restricted pod security (Pod Security Admission `restricted`): non-root, no privileged containers, no host namespaces or hostPath mounts, read-only root file system, seccomp and AppArmor/SELinux profiles, dropped capabilities.',
      'Separate sensitive and internet-facing workloads onto different node pools (taints/tolerations), or use sandboxed runtimes (gVisor, Kata, Firecracker) for untrusted code.',
    ],
  },
  {
    id: 'MIT-RUNTIME-SEPARATION',
    title: 'Do not mix trust levels on one runtime',
    steps: [
      'Run internet-facing components and components holding sensitive data on separate hosts, VMs, clusters or at least node pools.',
      'Where they must share, isolate them with namespaces, network policies that deny by default, separate service accounts and per-workload resource limits.',
    ],
  },
  {
    id: 'MIT-CLOUD-GUARDRAILS',
    title: 'Put guardrails on the cloud account',
    steps: [
      'Enable an organisation-wide audit trail (CloudTrail, Azure Activity Log, Cloud Audit Logs) and threat detection (GuardDuty, Defender for Cloud, Security Command Center).',
      'Apply preventive guardrails: service control policies / Azure Policy / organisation policies that forbid disabling logging, public storage and unapproved regions.',
      'Track configuration against the CIS benchmark with config rules or Security Hub, and alert on drift; separate production into its own account.',
    ],
  },
  {
    id: 'MIT-HARDENING-BASELINE',
    title: 'Harden to a baseline',
    steps: [
      'Apply the vendor or CIS hardening baseline: disable unneeded services, ports and default accounts, and remove sample content.',
      'Patch on a schedule and scan for configuration drift; build hosts and images from a hardened, versioned template.',
    ],
  },
  {
    id: 'MIT-NETWORK-SEGMENTATION',
    title: 'Segment the network around sensitive stores',
    steps: [
      'Place the store in its own private subnet or segment, separate from internet-facing components.',
      'Allow only the services that need it, on its port, with security groups or network policies that deny by default.',
    ],
  },
  {
    id: 'MIT-EDGE-GATEWAY',
    title: 'Reach internal components only through a guarded entry point',
    steps: [
      'Put a reverse proxy, load balancer or API gateway with a WAF in front of the component and make it the only path from the internet.',
      'Terminate TLS, authenticate and rate-limit at that entry point; keep the component itself in a private network.',
    ],
  },
  {
    id: 'MIT-DATA-ACCESS-LAYER',
    title: 'Access data stores through the owning service',
    steps: [
      'Let components in other zones read and write the store only through the API of the service that owns it, never with direct database connections.',
      'Where direct access is required, use a private endpoint, a dedicated least-privilege database user per client, and audit its queries.',
    ],
  },
  {
    id: 'MIT-BOUNDARY-DOS',
    title: 'Protect critical components from floods across the boundary',
    steps: [
      'Rate-limit and size-limit the callers at the boundary (gateway, load balancer) before requests reach the critical component.',
      'Bound connection pools and queues per caller (bulkheads), set timeouts, and scale or shed load on the critical component.',
    ],
  },
  {
    id: 'MIT-REGISTRY-AUTH',
    title: 'Authenticate service registration and discovery',
    steps: [
      'Require authenticated clients on the service registry (Consul ACL tokens, mTLS, etcd client certificates, ZooKeeper SASL); deny anonymous writes.',
      'Let each service register only its own name (scoped tokens), and verify the identity of what discovery returns (mTLS with service identities).',
    ],
  },
  {
    id: 'MIT-DATASTORE-AUDIT',
    title: 'Audit administrative and data access to the store',
    steps: [
      'Enable the store\'s audit log (pgAudit, MySQL audit plugin, database activity streams, CloudTrail data events) for logins, schema changes, grants and access to sensitive tables.',
      'Give every administrator and service its own account, ship the audit log to a separate, append-only destination, and alert on unusual access.',
    ],
  },
  {
    id: 'MIT-MODEL-COMPLETE',
    title: 'State what the threat model needs',
    steps: [
      'State the technology of each component and the protocol of each flow (and whether it is encrypted and authenticated), so the rules that depend on them can run.',
      'Pin kinds that were guessed with a keyword, shape or an explicit `kind` in a YAML model.',
    ],
  },
  {
    id: 'MIT-MODEL-PRUNE',
    title: 'Remove or complete what the model does not use',
    steps: [
      'Remove components, links and data assets the system no longer has, or add the flows and data that show what they are for.',
      'Send each component only the data it stores or passes on; drop fields a receiver does not need (data minimisation).',
    ],
  },
  {
    id: 'MIT-MODEL-CORRECT',
    title: 'Correct contradictory model content',
    steps: [
      'Make each flow\'s protocol, direction and data agree with what its target is, and put each component in the boundary it really runs in.',
      'Re-run the threat model afterwards: rules that depend on the corrected facts may now apply.',
    ],
  },
];
