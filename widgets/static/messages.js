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
  "sorting.item_error": "« {item} » : {message}",
  "simulator.not_a_number": "{label} : saisissez un nombre (par exemple {example}).",
  "simulator.not_an_integer": "{label} : saisissez un nombre entier.",
  "simulator.out_of_range": "{label} : la valeur doit être comprise entre {min} et {max} {unit}.",
  "aci.criteria_unreadable": "Critères : saisie illisible.",
  "aci.unknown_criterion": "Critère inconnu : {criterion}.",
  "aci.count_range": "{label} : indiquez un nombre entier entre 0 et {max}.",
  "aci.yes_no": "{label} : indiquez oui ou non.",
  "aci.unknown_variant": "Variante inconnue : {variant}.",
  "aci.points_unreadable": "Points : saisie illisible.",
  "aci.points_unknown_criterion": "Points : critère inconnu {criterion}.",
  "aci.points_locked": "{label} : ces points sont confirmés par les sources et ne sont pas modifiables.",
  "aci.criterion_unreadable": "{label} : saisie illisible.",
  "aci.points_unknown_kind": "{label} : type de points inconnu {kind}.",
  "aci.points_range": "{label} : {kind} doivent être un nombre entre 0 et {max}.",
  "aci.points_fixed": "les points fixes",
  "aci.points_variable": "les points variables",
  "aci.points_per_professional": "les points par professionnel",
  "aci.parameters_unreadable": "Paramètres : saisie illisible.",
  "aci.unknown_parameter": "Paramètre inconnu : {parameter}.",
  "aci.parameter_locked": "{label} : cette valeur est confirmée par les sources et n’est pas modifiable.",
  "aci.parameter_range": "{label} : saisissez un nombre entre 0 et {max}.",
  "aci.missing_prerequisite": "Prérequis non rempli : {criteria}. Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l’ACI.",
  "aci.missing_socle": "Critère socle non rempli : {criteria}. Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.",
  "aci.precarity_capped": "La majoration liée à la précarité est plafonnée à {cap} %.",
  "compare.unknown_structure": "Type de structure non prévu : choisissez MSP, centre de santé ou CPTS.",
  "compare.unknown_question": "Question inconnue : « {question} ».",
  "compare.not_asked": "Cette question n’a pas été posée aux {who}.",
  "compare.unreadable_multiple": "Réponse illisible : cochez une ou plusieurs réponses.",
  "compare.unreadable_single": "Réponse illisible : choisissez une réponse.",
  "compare.unanswered_multiple": "Cochez au moins une réponse avant de comparer.",
  "compare.unanswered_single": "Choisissez une réponse avant de comparer.",
  "compare.unknown_answer": "Réponse non prévue : « {answer} ». Réponses possibles : {allowed}.",
  "compare.duplicate": "Une même réponse est cochée deux fois.",
  "compare.exclusive": "« {label} » ne peut pas être coché avec une autre réponse."
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
