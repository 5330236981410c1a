survey-title = Feedback survey
survey-give-feedback = Give your feedback
survey-intro = Please tell us how the workshop went for you. Your answers help us improve the next edition.
survey-anonymous-note = Your answers are anonymous: coordinators see them without your name.
survey-named-note = Coordinators see your name with your answers.
survey-required-note = Questions marked * need an answer.
survey-preview-note = Participants answer this survey here. You see it as they do, without a button to send answers.
survey-submit = Send my answers
survey-thanks = Thank you: you answered this survey on { $date }.
survey-none = There is no feedback survey for this edition yet.
survey-text-limit = Up to 2000 characters.
survey-scale-1 = Strongly disagree
survey-scale-2 = Disagree
survey-scale-3 = Neither agree nor disagree
survey-scale-4 = Agree
survey-scale-5 = Strongly agree
survey-kind-likert = Scale from 1 (strongly disagree) to 5 (strongly agree)
survey-kind-text = Free text
flash-survey-submitted = Thank you for your feedback.

survey-manage-title = Feedback survey: questions
survey-see-as-participant = See it as a participant
survey-answers-count = { $count } of { $total } participants have answered.
survey-locked-note = Answers have been received, so questions can still be reordered but not added or removed, and anonymity can no longer change.
survey-questions = Questions
survey-no-questions = No questions yet.
survey-required = answer required
survey-move-up = Move up
survey-move-down = Move down
survey-remove = Remove
survey-add-title = Add a question
survey-field-kind = Type of answer
survey-field-prompt = Question
survey-field-required = An answer is required
survey-add = Add the question
survey-anonymity-title = Anonymity
survey-anonymous-label = Anonymous answers: results never show who said what
survey-save = Save
flash-survey-saved = The survey is saved.
flash-survey-question-removed = The question is removed.

survey-results-title = Survey results
survey-results-anonymous = The answers are anonymous.
survey-results-named = The answers carry the participants' names.
survey-results-mean = { $count ->
    [one] Mean { $mean } from one answer
   *[other] Mean { $mean } from { $count } answers
}
survey-results-no-answers = No answers yet.
survey-col-value = Answer
survey-col-count = Count
survey-col-share = Share

err-survey-kind = Choose a scale or free text.
err-survey-prompt-required = Write the question.
err-survey-prompt-too-long = The question may have at most 500 characters.
err-survey-control = The text contains control characters; remove them and try again.
err-survey-answer-required = This question needs an answer.
err-survey-likert = Choose a value from 1 to 5.
err-survey-answer-too-long = The answer may have at most 2000 characters.
err-survey-check-answers = Some answers need your attention; see the messages below.
err-survey-participants-only = Only participants of the edition answer the survey.
err-survey-none = This edition has no survey yet.
err-survey-already = You have already answered this survey; answers can be sent only once.
err-survey-locked = Answers have been received: questions can no longer be added or removed, and anonymity can no longer change, so that every answer refers to the same survey.
err-survey-too-many = A survey may have at most 50 questions.
