// @ts-check
// The one table of the French messages that a widget's JavaScript logic and its
// Python twin both show (pacte/course/messages.py reads this same object).
// Keys name the widget and the situation; {name} marks a parameter.
// Keep the object literal valid JSON: Python parses it as such.

export const MESSAGES = {
  "quiz.unanswered": "Aucune réponse.",
  "quiz.single_only": "Choisissez une seule réponse.",
  "quiz.unreadable": "Réponse illisible.",
  "quiz.unknown_choice": "Réponse inconnue : {choices}.",
  "quiz.correct": "Bonne réponse.",
  "quiz.incorrect": "Ce n’est pas la bonne réponse.",
  "quiz.not_a_number": "Saisissez un nombre (par exemple 56 ou 12,5).",
  "quiz.out_of_range": "La valeur doit être comprise entre {lo} et {hi}.",
  "sorting.unknown_item": "Élément inconnu : « {item} ».",
  "sorting.unanswered": "Choisissez une catégorie avant de valider.",
  "sorting.unknown_category": "Catégorie inconnue : {answer} (choix possibles : {known}).",
  "sorting.correct": "Bien vu : « {label} ».",
  "sorting.incorrect": "Pas tout à fait : la réponse attendue est « {label} ».",
  "sorting.unreadable": "Réponses illisibles : un dictionnaire {élément: catégorie} est attendu.",
  "simulator.unreadable": "Saisie illisible : les données du simulateur manquent.",
  "sorting.score": "Score : {correct} / {total} ({answered} élément{s} classé{s}).",
  "sorting.item_error": "« {item} » : {message}"
};

/**
 * The message ``key`` with its ``{name}`` parameters replaced.
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function message(key, params = {}) {
  const text = /** @type {Record<string, string>} */ (MESSAGES)[key];
  if (text === undefined) throw new Error(`unknown message key: ${key}`);
  return text.replace(/\{([a-z_]+)\}/g, (all, name) => (name in params ? String(params[name]) : all));
}
