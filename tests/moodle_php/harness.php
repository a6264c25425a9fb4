<?php
// Runs Moodle's own question importers on one PACTE export and prints what Moodle reads, as JSON.
//
//   PACTE_MOODLE_SRC=/path/to/moodle php harness.php gift|xml <export file> [<responses.json>]
//
// Moodle's code is never copied into PACTE: it is loaded from the Moodle source tree named by
// PACTE_MOODLE_SRC (question/format.php, question/format/gift/format.php,
// question/format/xml/format.php, lib/xmlize.php, question/type/numerical/question.php and the
// qtype_numerical_answer_processor class of question/type/numerical/questiontype.php).
// stubs.php stands in for the few core functions they call; nothing here writes to a database.
//
// The JSON has the importer's errors, its debugging() messages, the fractions that
// qformat_default::importprocess() would refuse, and one entry per question. For numerical
// questions, each response listed for the question's name in responses.json is validated and
// graded by Moodle's qtype_numerical_question, built from the imported data the way
// qtype_numerical::save_unit_options(), save_units() and initialise_question_instance() store
// and reload it.

require __DIR__ . '/stubs.php';

$src = getenv('PACTE_MOODLE_SRC');
if (!$src || !is_dir($src)) {
    fwrite(STDERR, "PACTE_MOODLE_SRC must name a Moodle source tree\n");
    exit(2);
}
$src = rtrim($src, '/');
$CFG = new stdClass();
$CFG->dirroot = $src;
$CFG->libdir = $src . '/lib';

require_once($src . '/question/format.php');
require_once($src . '/question/format/gift/format.php');
require_once($src . '/question/format/xml/format.php');
require_once(__DIR__ . '/answer_processor.php');
// Moodle's question.php requires question/type/questionbase.php: our stand-in answers instead.
$CFG->dirroot = __DIR__ . '/shim';
require_once($src . '/question/type/numerical/question.php');
$CFG->dirroot = $src;

/** Moodle's GIFT importer, with the protected steps of an import made callable. */
class pacte_gift_reader extends qformat_gift {
    use pacte_reader;
}

/** Moodle's XML importer, with the protected steps of an import made callable. */
class pacte_xml_reader extends qformat_xml {
    use pacte_reader;
}

/** The first stage of qformat_default::importprocess(): read the file, parse it, check the grades. */
trait pacte_reader {
    /** Parse a file into Moodle's question objects, capturing what the importer prints. */
    public function read_file($filename) {
        $this->set_display_progress(false);
        ob_start();
        $lines = $this->readdata($filename);
        $questions = $lines ? $this->readquestions($lines) : false;
        $printed = ob_get_clean();
        return [$questions ?: [], $printed, $this->importerrors];
    }

    /** Category names as Moodle splits a category path before creating the categories. */
    public function category_names($path) {
        return $this->split_category_path($path);
    }
}

/** A text field (string or Moodle's ['text', 'format'] array) as its text. */
function pacte_text($field) {
    return is_array($field) ? ($field['text'] ?? '') : (string) $field;
}

/**
 * A numerical question as Moodle stores and reloads it from the imported data:
 * qtype_numerical::save_units() keeps units with a name and a multiplier, save_unit_options()
 * takes showunits from the file (else UNITINPUT when there is a unit, UNITNONE otherwise), a
 * unit penalty of 1 when none is given and always unitgradingtype 0; initialise_question_instance()
 * then builds the answers and the answer processor.
 */
function pacte_numerical_question($qo) {
    $units = [];
    foreach ($qo->multiplier ?? [] as $i => $multiplier) {
        $name = $qo->unit[$i] ?? '';
        if (!empty($multiplier) && !empty($name) && !array_key_exists($name, $units)) {
            $units[$name] = (new qtype_numerical_answer_processor([]))->apply_units($multiplier)[0];
        }
    }
    $question = new qtype_numerical_question();
    $question->id = 1;
    $question->name = $qo->name;
    foreach ($qo->answer as $i => $answer) {
        $question->answers[$i + 1] = new qtype_numerical_answer($i + 1, $answer, $qo->fraction[$i],
                pacte_text($qo->feedback[$i]), FORMAT_HTML, $qo->tolerance[$i]);
    }
    if (isset($qo->showunits)) {
        $question->unitdisplay = $qo->showunits;
    } else {
        $question->unitdisplay = $units ? qtype_numerical::UNITINPUT : qtype_numerical::UNITNONE;
    }
    $question->unitgradingtype = 0;
    $question->unitpenalty = isset($qo->unitpenalty) ? $qo->unitpenalty : 1;
    $question->unitsleft = !empty($qo->unitsleft);
    $question->ap = new qtype_numerical_answer_processor($units, $question->unitsleft);
    return [$question, $units];
}

/** Validate and grade one response as Moodle's numerical question does. */
function pacte_grade($question, $response) {
    $data = ['answer' => $response];
    list($fraction, $state) = $question->grade_response($data);
    return [
        'response' => $response,
        'complete' => $question->is_complete_response($data),
        'validation_error' => $question->get_validation_error($data),
        'fraction' => (float) $fraction,
        'state' => $state,
    ];
}

/** One imported question as plain data. */
function pacte_question_data($reader, $qo, $category, $responses) {
    $answers = [];
    foreach ((array) ($qo->answer ?? []) as $i => $answer) {
        $answers[] = [
            'text' => pacte_text($answer),
            'fraction' => (float) $qo->fraction[$i],
            'feedback' => pacte_text($qo->feedback[$i] ?? ''),
            'tolerance' => isset($qo->tolerance[$i]) ? (float) $qo->tolerance[$i] : null,
        ];
    }
    $out = [
        'name' => $qo->name,
        'idnumber' => $qo->idnumber ?? null,
        'qtype' => $qo->qtype,
        'category' => $category,
        'category_names' => $category === null ? [] : $reader->category_names($category),
        'questiontext' => $qo->questiontext,
        'generalfeedback' => $qo->generalfeedback,
        'answers' => $answers,
    ];
    if ($qo->qtype === 'multichoice') {
        $out += ['single' => (int) $qo->single, 'shuffleanswers' => (int) $qo->shuffleanswers,
            'answernumbering' => $qo->answernumbering];
    }
    if ($qo->qtype === 'numerical') {
        list($question, $units) = pacte_numerical_question($qo);
        $out += ['units' => $units, 'showunits' => (int) $question->unitdisplay,
            'unitgradingtype' => $question->unitgradingtype, 'unitsleft' => $question->unitsleft,
            'grading' => array_map(fn($r) => pacte_grade($question, $r), $responses[$qo->name] ?? [])];
    }
    return $out;
}

list(, $format, $file) = $argv + [null, null, null];
$responses = isset($argv[3]) ? json_decode(file_get_contents($argv[3]), true) : [];
$reader = $format === 'gift' ? new pacte_gift_reader() : new pacte_xml_reader();
list($parsed, $printed, $errors) = $reader->read_file($file);

$grades = question_bank::fraction_options_full();
$result = ['format' => $format, 'importerrors' => $errors, 'printed' => $printed, 'invalidgrades' => [],
    'debugging' => [], 'questions' => []];
$category = null;
foreach ($parsed as $qo) {
    if ($qo->qtype === 'category') {
        $category = $qo->category;
        continue;
    }
    foreach ((array) ($qo->fraction ?? []) as $fraction) {
        if (match_grade_options($grades, $fraction, 'error') === false) {
            $result['invalidgrades'][] = ['name' => $qo->name, 'fraction' => $fraction];
        }
    }
    $result['questions'][] = pacte_question_data($reader, $qo, $category, $responses);
}
$result['debugging'] = $GLOBALS['PACTE_DEBUGGING'];
echo json_encode($result, JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT), "\n";
