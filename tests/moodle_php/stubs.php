<?php
// Minimal stand-ins for the Moodle core API that Moodle's question importers
// (question/format.php, question/format/gift/format.php, question/format/xml/format.php)
// call while parsing a file. Written for PACTE's tests; no Moodle code is copied here.
// Each stub does what the Moodle function does for the plain UTF-8 text of our exports;
// anything that would touch Moodle's database, files or capabilities is absent on purpose,
// so that a call to it fails loudly instead of being faked.

define('MOODLE_INTERNAL', true);

// lib/weblib.php text formats.
define('FORMAT_MOODLE', 0);
define('FORMAT_HTML', 1);
define('FORMAT_PLAIN', 2);
define('FORMAT_WIKI', 3);
define('FORMAT_MARKDOWN', 4);

// lib/moodlelib.php parameter types used by the importers and the numerical question.
define('PARAM_TEXT', 'text');
define('PARAM_FILE', 'file');
define('PARAM_RAW_TRIMMED', 'raw_trimmed');
define('DEBUG_DEVELOPER', 32767);

/** Every debugging() message, reported in the harness output. */
$GLOBALS['PACTE_DEBUGGING'] = [];

/** The language whose langconfig decides the decimal point and thousands separator: fr or en. */
$GLOBALS['PACTE_LANG'] = getenv('PACTE_MOODLE_LANG') ?: 'fr';

/** lib/setuplib.php moodle_exception, reduced to its message. */
class moodle_exception extends Exception {
    /** Build the exception from a string identifier, as Moodle does. */
    public function __construct($errorcode, $module = '', $link = '', $a = null, $debuginfo = null) {
        parent::__construct($errorcode . ($a === null ? '' : ' ' . json_encode($a)));
    }
}

/** lib/setuplib.php coding_exception. */
class coding_exception extends moodle_exception {
}

/**
 * get_string(): the identifier itself (the importers only print these in error messages),
 * except langconfig's separators, which change how numbers are read.
 */
function get_string($identifier, $component = '', $a = null) {
    if ($component === 'langconfig') {
        $fr = $GLOBALS['PACTE_LANG'] === 'fr';
        if ($identifier === 'decsep') {
            return $fr ? ',' : '.';
        }
        if ($identifier === 'thousandssep') {
            return $fr ? ' ' : ',';
        }
    }
    return "[[{$component}:{$identifier}]]";
}

/** get_config(): Moodle's shipped defaults for the settings the importers read. */
function get_config($plugin, $name = null) {
    $defaults = ['quiz' => ['shuffleanswers' => 1], 'qtype_multichoice' => ['answernumbering' => 'abc']];
    return $defaults[$plugin][$name] ?? false;
}

/** debugging(): recorded, never silent. */
function debugging($message = '', $level = 0) {
    $GLOBALS['PACTE_DEBUGGING'][] = $message;
    return true;
}

/** s(): lib/weblib.php escapes text for HTML output. */
function s($var) {
    return htmlspecialchars((string) $var, ENT_QUOTES | ENT_HTML401 | ENT_SUBSTITUTE);
}

/**
 * clean_param() for the two types the importers use. PARAM_TEXT strips tags (Moodle keeps
 * <lang> multilang tags, which our exports never contain); PARAM_FILE drops path characters.
 */
function clean_param($param, $type) {
    if ($type === PARAM_TEXT) {
        return strip_tags((string) $param);
    }
    if ($type === PARAM_FILE) {
        return preg_replace('~[/\\\\:*?"<>|\x00-\x1f]~u', '', (string) $param);
    }
    if ($type === PARAM_RAW_TRIMMED) {
        return trim((string) $param);
    }
    throw new coding_exception("clean_param type {$type} is not stubbed");
}

/** shorten_text(): only used when a question has no name; ours always have one. */
function shorten_text($text, $ideal = 30) {
    $plain = trim(strip_tags((string) $text));
    return core_text::strlen($plain) > $ideal ? core_text::substr($plain, 0, $ideal - 3) . '...' : $plain;
}

/** lib/classes/text.php core_text, the multibyte helpers the importers call. */
class core_text {
    /** Length in characters. */
    public static function strlen($text) {
        return mb_strlen((string) $text, 'UTF-8');
    }

    /** Substring in characters. */
    public static function substr($text, $start, $len = null) {
        return mb_substr((string) $text, $start, $len, 'UTF-8');
    }

    /** Remove a leading UTF-8 byte order mark. */
    public static function trim_utf8_bom($str) {
        return strncmp($str, "\xef\xbb\xbf", 3) === 0 ? substr($str, 3) : $str;
    }

    /** Numeric entities to UTF-8 (named ones too unless $htmlent is false, as in Moodle). */
    public static function entities_to_utf8($str, $htmlent = true) {
        $str = preg_replace_callback('/&#x([0-9a-f]+);/i', fn($m) => mb_chr(hexdec($m[1]), 'UTF-8'), $str);
        $str = preg_replace_callback('/&#([0-9]+);/', fn($m) => mb_chr((int) $m[1], 'UTF-8'), $str);
        return $htmlent ? html_entity_decode($str, ENT_QUOTES | ENT_HTML401, 'UTF-8') : $str;
    }

    /** Lower case in characters. */
    public static function strtolower($text) {
        return mb_strtolower((string) $text, 'UTF-8');
    }
}

/** core_tag_tag::is_enabled(): tags are on in a standard Moodle site. */
class core_tag_tag {
    /** Whether tags are enabled for an item type. */
    public static function is_enabled($component, $itemtype) {
        return true;
    }
}

/**
 * question_bank: the importers ask it for installed question types that provide their own
 * import_from_<format>() hook. Moodle's standard types (multichoice, numerical...) have none,
 * so an empty list is what a standard site answers for our two question types.
 */
class question_bank {
    /** Installed question types with import hooks: none among the standard ones we use. */
    public static function get_all_qtypes() {
        return [];
    }

    /**
     * The grade options an imported answer fraction must match (question/engine/bank.php):
     * 0, ±1 and ± each of Moodle's standard fractions, keyed by their string form.
     */
    public static function fraction_options_full() {
        $raw = [0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
            0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05];
        $options = ['0.0' => 'none', '1.0' => '100%'];
        foreach ($raw as $fraction) {
            $options["{$fraction}"] = 100 * $fraction . '%';
        }
        foreach (array_reverse($raw) as $fraction) {
            $options['' . (-$fraction)] = -100 * $fraction . '%';
        }
        $options['-1.0'] = '-100%';
        return $options;
    }

    /** A question type object: only the hint lookup calls this, for types we never export. */
    public static function get_qtype($qtypename, $mustexist = true) {
        if ($mustexist) {
            throw new coding_exception("question_bank::get_qtype({$qtypename}) is not stubbed");
        }
        return null;
    }
}

/** question_utils::to_plain_text(), used only to display progress, which the harness turns off. */
class question_utils {
    /** Plain text of a question text. */
    public static function to_plain_text($text, $format, $options = []) {
        return trim(strip_tags((string) $text));
    }

    /** Whether two responses are the same at a key, a missing key counting as blank. */
    public static function arrays_same_at_key_missing_is_blank(array $a1, array $a2, $key) {
        return ((string) ($a1[$key] ?? '')) === ((string) ($a2[$key] ?? ''));
    }
}

/**
 * lib/questionlib.php match_grade_options() in its "error" mode, the one qformat_default::importprocess()
 * applies to every imported fraction: the matching option, or false (the question is then refused).
 */
function match_grade_options($gradeoptionsfull, $grade, $matchgrades = 'error') {
    foreach ($gradeoptionsfull as $value => $option) {
        if (abs($grade - $value) < 0.00001) {
            return $value;
        }
    }
    return false;
}
