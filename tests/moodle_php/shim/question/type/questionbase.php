<?php
// Stand-in for Moodle's question/type/questionbase.php, which Moodle's real
// question/type/numerical/question.php requires: just the question engine pieces that
// qtype_numerical_question uses to validate and grade one response. Written for PACTE's
// tests; no Moodle code is copied here. The harness points $CFG->dirroot at this shim
// only while it requires Moodle's question.php.

/** question/engine/states.php question_state, reduced to the graded states. */
class question_state {
    /** @var string */
    public static $gradedwrong = 'gradedwrong';
    /** @var string */
    public static $gradedpartial = 'gradedpartial';
    /** @var string */
    public static $gradedright = 'gradedright';

    /** The graded state for a fraction, with Moodle's tolerance of 0.000001. */
    public static function graded_state_for_fraction($fraction) {
        if ($fraction < 0.000001) {
            return self::$gradedwrong;
        } else if ($fraction > 0.999999) {
            return self::$gradedright;
        }
        return self::$gradedpartial;
    }
}

/** question/type/questionbase.php question_definition: the fields the harness fills. */
abstract class question_definition {
    /** @var int */
    public $id;
    /** @var string */
    public $name;
}

/** question/type/questionbase.php question_graded_automatically. */
abstract class question_graded_automatically extends question_definition {
}

/** question/type/questionbase.php question_answer: one answer with its fraction and feedback. */
class question_answer {
    /** @var int */
    public $id;
    /** @var string */
    public $answer;
    /** @var number */
    public $fraction;
    /** @var string */
    public $feedback;
    /** @var int */
    public $feedbackformat;

    /** Store the answer's fields, as Moodle's constructor does. */
    public function __construct($id, $answer, $fraction, $feedback, $feedbackformat) {
        $this->id = $id;
        $this->answer = $answer;
        $this->fraction = $fraction;
        $this->feedback = $feedback;
        $this->feedbackformat = $feedbackformat;
    }
}

/** question/type/numerical/questiontype.php qtype_numerical: its display and grading constants. */
class qtype_numerical {
    const UNITINPUT = 0;
    const UNITRADIO = 1;
    const UNITSELECT = 2;
    const UNITNONE = 3;
    const UNITGRADED = 1;
    const UNITOPTIONAL = 0;
    const UNITGRADEDOUTOFMARK = 1;
    const UNITGRADEDOUTOFMAX = 2;
}
