import { readToken } from '../../../app/auth-token';

/**
 * The gradebook as CSV, fetched with the session's token (the API needs it; a plain link would go
 * without) and saved as a file through a Blob and a temporary <a download>.
 */
export async function downloadGradebook(courseId: string, filename: string, fetcher: typeof fetch = fetch): Promise<void> {
  const token = readToken();
  const response = await fetcher(`/courses/${encodeURIComponent(courseId)}/gradebook.csv`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw Object.assign(new Error(`The gradebook could not be downloaded (${response.status}).`), { status: response.status });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
