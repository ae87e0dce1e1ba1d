// Container image references, as Kubernetes, compose and Dockerfile rules read them:
// `registry.example.com:5000/team/app:1.2@sha256:…`.

export interface ImageReference {
  /** A registry host (`ghcr.io`, `localhost:5000`); undefined for Docker Hub's short names. */
  registry: string | undefined;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImage(image: string): ImageReference {
  const [withoutDigest, digest] = image.split('@', 2) as [string, string | undefined];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const tag = colon > slash ? withoutDigest.slice(colon + 1) : undefined;
  const name = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const first = name.split('/')[0]!;
  const registry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  return { registry, repository: registry ? name.slice(registry.length + 1) : name, tag, digest };
}

/** The image's name without tag or digest (`mariadb`, `registry.example.com/team/app`). */
export function imageName(image: string): string {
  const { registry, repository } = parseImage(image);
  return registry ? `${registry}/${repository}` : repository;
}
