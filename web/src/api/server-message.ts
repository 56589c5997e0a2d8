// The server writes its error messages in both languages, `English / 中文`; a planner reads the
// one its interface speaks. A message in one language only is shown as it is.
export function messageIn(message: string, lang: 'zh' | 'en'): string {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(at + 3) : message.slice(0, at);
}
