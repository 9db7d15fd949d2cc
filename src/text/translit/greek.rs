use super::super::lang::Lang;
pub fn translit(word: &str, _lang: Lang, out: &mut String) { super::fallback(word, out) }
