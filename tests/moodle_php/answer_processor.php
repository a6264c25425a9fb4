<?php
// Loads Moodle's qtype_numerical_answer_processor class without the rest of
// question/type/numerical/questiontype.php (whose qtype_numerical class needs Moodle's
// question_type base class and database). In a Moodle checkout the class is read from
// questiontype.php, where it runs from its declaration to the end of the file; a tree that
// only holds that class verbatim may keep it in question/type/numerical/answer_processor_excerpt.php.

$pacte_qtype = $CFG->dirroot . '/question/type/numerical/questiontype.php';
$pacte_excerpt = $CFG->dirroot . '/question/type/numerical/answer_processor_excerpt.php';
if (is_readable($pacte_qtype)) {
    $pacte_code = file_get_contents($pacte_qtype);
    $pacte_start = strpos($pacte_code, "\nclass qtype_numerical_answer_processor");
    if ($pacte_start === false) {
        throw new coding_exception("no qtype_numerical_answer_processor in {$pacte_qtype}");
    }
    eval(substr($pacte_code, $pacte_start));
} else if (is_readable($pacte_excerpt)) {
    require_once($pacte_excerpt);
} else {
    throw new coding_exception("PACTE_MOODLE_SRC has no question/type/numerical/questiontype.php");
}
