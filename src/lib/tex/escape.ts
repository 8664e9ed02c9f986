/** `text` safe inside HTML: the five characters that could open markup or end an attribute, as entities. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
