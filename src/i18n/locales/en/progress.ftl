# Participant progress (trainers and coordinators) and the participant directory.

trainer-progress-title = Participant progress
trainer-progress-link = Participant progress
trainer-progress-intro = The course has { $lessons } lessons; { $held ->
    [one] { $held } session has
   *[other] { $held } sessions have
} been held so far.
trainer-progress-no-email = Contact details are shown to coordinators only.
trainer-progress-summary = Summary
trainer-progress-participants = Participants
trainer-progress-shown = Participants shown
trainer-progress-average-lessons = Average lesson progress
trainer-progress-attendance-rate = Attendance rate
trainer-progress-completed = Completed
trainer-progress-search = Name
trainer-progress-sort = Order
trainer-progress-sort-name = By name
trainer-progress-sort-lessons = Most lessons done first
trainer-progress-sort-attendance = Best attendance first
trainer-progress-apply = Show
trainer-progress-clear = Clear the filters
trainer-progress-download = Download this list:
trainer-progress-caption = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
trainer-progress-col-name = Name
trainer-progress-col-native = Name in own script
trainer-progress-col-state = State
trainer-progress-col-lessons = Lessons done
trainer-progress-col-sessions = Sessions attended
trainer-progress-col-excused = Excused
trainer-progress-col-certificate = Certificate
trainer-progress-col-lessons-done = Lessons done
trainer-progress-col-lessons-total = Lessons in the course
trainer-progress-col-lessons-share = Lesson progress (%)
trainer-progress-col-attended = Sessions attended
trainer-progress-col-held = Sessions held
trainer-progress-col-attendance-share = Attendance rate (%)
trainer-progress-of = { $done } / { $total }
trainer-progress-percent = { $percent }%
trainer-progress-yes = Yes
trainer-progress-no = No
trainer-progress-none = No participant matches.
trainer-progress-attendance-note = Attended means present or late. Sessions a participant was excused from do not count against their attendance rate.
trainer-progress-bad-country = This country code is not known; choose a country from the list.
trainer-progress-bad-state = Only accepted and completed participants are listed; choose one of these states.
trainer-progress-bad-sort = This order is not known; choose one from the list.

directory-title = Participants
directory-link = Participant directory
directory-intro = Only participants who agreed to appear in the participant list are shown.
directory-intro-coordinator = You see everyone taking part. Those marked “not listed” did not agree to appear in the list: participants and trainers do not see them.
directory-caption = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
directory-not-listed = not listed
directory-none = Nobody is listed yet.
