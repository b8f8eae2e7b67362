import type { Person } from '../platform/testing/factories.js';
import type { TestApi } from '../platform/testing/test-app.js';
import { ok } from '../community/community-fixtures.js';

export { ok };

export const RESOURCE_FIELDS = `id title description descriptionHtml url kind language tags countries status createdAt reviewReason viewerCanChange
  addedBy { id displayName } file { id status url }`;
export const ADD = `mutation($input: AddResourceInput!) { addResource(input: $input) { ${RESOURCE_FIELDS} } }`;
export const SUGGEST = `mutation($input: AddResourceInput!) { suggestResource(input: $input) { ${RESOURCE_FIELDS} } }`;
export const LIST = `query($tag: String, $language: String, $country: String, $text: String, $first: Int, $after: ID) {
  resources(tag: $tag, language: $language, country: $country, text: $text, first: $first, after: $after) { ${RESOURCE_FIELDS} } }`;
export const SUGGESTIONS = `{ resourceSuggestions { ${RESOURCE_FIELDS} } }`;
export const REVIEW = `mutation($id: ID!, $approve: Boolean!, $reason: String) { reviewResourceSuggestion(id: $id, approve: $approve, reason: $reason) { ${RESOURCE_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { ${RESOURCE_FIELDS} } }`;
export const REMOVE = `mutation($id: ID!) { removeResource(id: $id) }`;

let n = 0;
/** A valid link resource's input, with `extra` over it. */
export function linkInput(extra: Record<string, unknown> = {}) {
  n++;
  return { title: `Guide number ${n}`, description: 'A *useful* guide.', url: `https://example.org/guide-${n}`, language: 'en', tags: ['guide'], ...extra };
}

export async function addLink(api: TestApi, who: Person, extra: Record<string, unknown> = {}) {
  return ok(await api.gql(ADD, { input: linkInput(extra) }, who.token)).addResource;
}

export async function suggestLink(api: TestApi, who: Person, extra: Record<string, unknown> = {}) {
  return ok(await api.gql(SUGGEST, { input: linkInput(extra) }, who.token)).suggestResource;
}
