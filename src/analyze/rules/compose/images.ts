// Image references in compose files.

/** The image's name without tag or digest (`mariadb`, `registry.example.com/team/app`). */
export function parseImageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

export function imageTag(image: string): string | undefined {
  const [withoutDigest] = image.split('@') as [string];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(colon + 1) : undefined;
}
