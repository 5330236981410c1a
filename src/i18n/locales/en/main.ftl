app-name = WTA Academy
footer-text = World Technopolis Association · UNESCO-WTA International Training Workshop and Global Innovation Forum

nav-skip = Skip to content
nav-label = Main navigation
nav-home = Home
nav-login = Log in
nav-signup = Sign up
nav-logout = Log out
nav-profile = Profile
nav-security = Password and sessions
nav-admin-users = Users
nav-language = Language

home-title = Training for science and technology park leaders
home-lead = WTA Academy runs the UNESCO-WTA International Training Workshop and the Global Innovation Forum: apply to an edition, follow the course on science park governance, join the live sessions and receive your certificate.
home-participants-title = Participants
home-participants-text = Park managers and city officials apply to an edition, learn module by module and earn a certificate with their name in their own script.
home-trainers-title = Trainers
home-trainers-text = Trainers prepare modules and lessons, share their materials and take attendance at each session.
home-coordinators-title = Coordinators
home-coordinators-text = UNESCO and WTA coordinators open editions, select participants and issue certificates.

login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = Create an account

signup-title = Create an account
signup-lead = Create an account to apply to training workshops and follow the course.
signup-submit = Create account

forgot-title = Forgotten password
forgot-lead = Enter the email address of your account. We will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account exists for this address, we have sent it a link to choose a new password. Please check your inbox.

reset-title = Choose a new password
reset-submit = Save the new password
reset-ask-again = Ask for a new link

security-title = Password and sessions
security-change-password = Change your password
security-change-submit = Change password
security-sessions = Where you are logged in
security-session-count = { $count ->
    [one] You are logged in on one device or browser.
   *[other] You are logged in on { $count } devices or browsers.
}
security-logout-everywhere = Log out everywhere

profile-title = Your profile
profile-signed-in-as = Signed in as
profile-certificate-name = Name on your certificate
profile-region = UNESCO region
profile-save = Save profile

admin-users-title = Users
admin-users-search = Search by name or email
admin-users-count = { $count ->
    [one] One account
   *[other] { $count } accounts
}
admin-users-role = Role
admin-users-status = Status
admin-users-change-role = Change role
admin-users-active = Active
admin-users-inactive = Deactivated
admin-users-activate = Activate
admin-users-deactivate = Deactivate

search-submit = Search
pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-page = Page { $page } of { $pages }
pager-bad-page = The page number must be a whole number from 1.

field-email = Email address
field-password = Password
field-new-password = New password
field-password-confirm = Repeat the password
field-current-password = Current password
field-display-name = Name
field-certificate-name-latin = Name in Latin script
field-certificate-name-native = Name in your own script (optional)
field-organisation = Organisation
field-organisation-type = Type of organisation
field-country = Country
field-position = Position
field-preferred-language = Language of the site and emails
field-time-zone = Time zone

hint-password = At least 10 characters. Avoid common passwords.
hint-certificate-name = Type your name exactly as it should be printed, for example "Nguyen Van Minh" in Latin script and "Nguyễn Văn Minh" in your own script.

choose-none = — Not given —
choose-browser-language = Same as my browser

role-participant = Participant
role-coordinator = Coordinator
role-admin = Administrator

org-type-city-government = City or regional government
org-type-stp = Science and technology park
org-type-university = University
org-type-research-institute = Research institute
org-type-company = Company
org-type-ngo = Non-governmental organisation
org-type-international-organisation = International organisation

region-africa = Africa
region-arab-states = Arab States
region-asia-pacific = Asia and the Pacific
region-europe-north-america = Europe and North America
region-latin-america-caribbean = Latin America and the Caribbean

flash-welcome = Welcome, { $name }!
flash-signed-up = Your account is ready. Please complete your profile.
flash-logged-out = You are logged out.
flash-logged-out-everywhere = You are logged out on every device. Please log in again.
flash-password-changed = Your password has been changed. Other devices were logged out.
flash-password-reset = Your new password is saved. You can log in now.
flash-profile-saved = Your profile has been saved.
flash-role-changed = The role has been changed.
flash-account-updated = The account has been updated.

status-400 = Bad request
status-401 = Please log in
status-403 = Not allowed
status-404 = Page not found
status-413 = Too large
status-422 = Please check what you entered
status-429 = Too many attempts
status-500 = Something went wrong
status-503 = Temporarily unavailable
error-back-home = Back to the home page

err-bad-request = The request could not be understood.
err-unauthenticated = Please log in to continue.
err-forbidden = You are not allowed to do this.
err-csrf = This form has expired or did not come from this site. Please go back, reload the page and send it again.
err-not-found = We could not find this page.
err-too-large = What you sent is too large.
err-unprocessable = Some of what you sent could not be read. Please check it and try again.
err-throttled = Too many failed attempts. Please wait a minute and try again.
err-unavailable = The service is temporarily unavailable. Please try again in a few minutes.
err-internal = Something went wrong on our side. Please try again later.
err-invalid-input = Please correct the highlighted fields.
err-json-required = Send the request body as JSON with the header Content-Type: application/json.
err-form-has-errors = Please correct the fields marked below.
err-login-failed = The email address or password is not correct.
err-email-required = Please enter your email address.
err-email-invalid = This is not a valid email address, for example name@example.org.
err-email-taken = An account with this email address already exists. Log in or reset your password.
err-password-short = The password must have at least 10 characters.
err-password-long = The password must have at most 256 characters.
err-password-common = This password is too easy to guess. Please choose another one.
err-password-mismatch = The two passwords are not the same.
err-password-current-wrong = Your current password is not correct.
err-reset-token-invalid = This link is not valid any more: it has expired or has already been used.
err-name-required = Please enter a name.
err-name-control = The name contains characters that cannot be printed.
err-name-too-long = The name must have at most 120 characters.
err-name-no-letters = The name must contain letters.
err-name-not-latin = Please use Latin letters here; use the next field for your own script.
err-text-control = The text contains characters that cannot be printed.
err-text-too-long = The text must have at most 200 characters.
err-role-unknown = Unknown role. Use participant, coordinator or administrator.
err-organisation-type-unknown = Please choose a type of organisation from the list.
err-country-unknown = Please choose a country from the list.
err-language-unknown = Please choose a language from the list.
err-time-zone-unknown = Please choose a time zone from the list, for example Asia/Seoul.
err-last-admin = The last administrator cannot lose that role or be deactivated.

mail-reset-subject = Choose a new password for WTA Academy
mail-reset-body =
    Dear { $name },

    Someone (probably you) asked to choose a new password for your WTA Academy account.
    Open this link within { $minutes } minutes to set it:

    { $link }

    If you did not ask for this, you can ignore this message: your password stays the same.

    WTA Academy

## Catalogue and editions
nav-catalogue = Catalogue
nav-my-learning = My learning
nav-manage-editions = Editions
catalogue-title = Programs and editions
catalogue-lead = The UNESCO-WTA International Training Workshop and the Global Innovation Forum: find an edition, see its course and timetable, and apply when applications are open.
catalogue-current = Current and upcoming editions
catalogue-past = Past editions
catalogue-none-current = No edition is planned at the moment.
catalogue-empty = No programs yet.
catalogue-applications-open = Applications open
phase-upcoming = Upcoming
phase-running = Taking place now
phase-past = Past
mode-on-site = On site
mode-online = Online
mode-blended = Blended (online and on site)
admission-open = Open: every applicant is admitted while seats remain
admission-reviewed = Reviewed: coordinators select the participants
edition-dates = Dates
edition-place = Place
edition-mode = Format
edition-capacity = Seats
edition-languages = Working languages
edition-admission = Admission
edition-applications = Applications
edition-applications-open-until = Applications are open until
edition-applications-window = Applications:
edition-applications-closed = Applications are closed for this edition.
edition-apply-hint = Sign in with your account to apply; coordinators confirm every place by email.
edition-calendar = Add the timetable to your calendar (iCalendar)
edition-course = Course
edition-sequential = Lessons open one after another: finish a lesson to unlock the next.
edition-timetable = Timetable
edition-times-in = Times are shown in the edition's time zone, { $zone }.
edition-times-both = Times are shown in the edition's time zone, { $zone }, and below in yours, { $viewer }.
edition-no-sessions = No sessions are scheduled yet.
edition-trainers = Trainers
edition-no-trainers = No trainers are assigned yet.
edition-manage-sessions = Manage sessions
edition-edit = Edit edition
edition-clone = Copy to a new edition
session-kind-lecture = Lecture
session-kind-workshop = Workshop
session-kind-site-visit = Site visit
session-kind-panel = Panel
session-online = Join online

## Learning
module-lesson-count = { $count ->
    [one] 1 lesson
   *[other] { $count } lessons
}
module-outcomes = What you will be able to do
module-lessons = Lessons
module-self-check = Check yourself
module-show-answer = Show the answer
module-further-reading = Further reading
module-enrol-to-read = The first lesson of each module is open to everyone. Participants of the edition read all lessons.
lesson-minutes = { $minutes } min
lesson-shown-in = shown in the language "{ $language }": no translation yet
lesson-outcomes = In this lesson
lesson-done = Done
lesson-locked = Locked
lesson-preview = Preview
lesson-preview-hint = This lesson is a free preview. Apply to the edition to follow the whole course.
lesson-mark-done = Mark as done
lesson-mark-undone = Mark as not done
lesson-nav = Previous and next lesson
lesson-note-title = Note from the trainers of this edition
lesson-note-edit = Note for this edition's participants
lesson-note-hint = Shown under the lesson to everyone in this edition only. Markdown is allowed; leave empty to remove the note.
lesson-note-save = Save the note
progress-count = { $done } of { $total } lessons done
progress-course = Course progress
progress-module = Module progress
my-title = My learning
my-none = You are not in any edition yet.
my-continue = Continue
my-role-participant = Participant
my-role-trainer = Trainer
my-calendar-title = Your personal calendar
my-calendar-text = One private link with the sessions of all your editions; calendar apps refresh it and show changes. Renew it if you shared it by mistake: the old link stops working.
my-calendar-create = Create my calendar link
my-calendar-renew = Renew the link
flash-lesson-done = Lesson marked as done.
flash-lesson-undone = Lesson marked as not done.
flash-note-saved = The note is saved.
flash-calendar-link = Your calendar link is ready.

## Managing editions and sessions
manage-editions-title = Editions
manage-editions-new = New edition
manage-edition-form-title = Edition
manage-actions = Actions
manage-save = Save
manage-clone-explain = The copy gets the same course, sessions and settings. Every date moves by the same number of days to the new first day; session times keep their clock time. The application window stays empty and trainers are assigned again.
manage-trainer-email = Email of the trainer's account
manage-trainer-add = Assign as trainer
manage-trainer-remove = Remove
manage-sessions-title = Sessions
manage-session-new = New session
manage-session-edit = Edit
manage-session-delete = Delete this session
field-program = Program
field-slug = Short name in addresses
hint-slug = Lowercase letters, digits and hyphens, e.g. itw-2028.
field-number = Edition number
field-edition-title = Title
field-theme = Theme
field-summary = Summary
field-starts-on = First day
field-ends-on = Last day
field-venue = Venue
field-city = City
field-applications-open = Applications open
field-applications-close = Applications close
hint-application-window = Clock time in the edition's time zone. Leave both empty to keep applications closed.
field-sequential = Lessons open one after another
field-session-title = Title
field-session-kind = Kind
field-session-starts = Starts
field-session-ends = Ends
field-room = Room or meeting point
field-online-url = Online link
field-session-module = Module
flash-edition-saved = The edition is saved.
flash-edition-cloned = The new edition is created. Check its details and open applications when ready.
flash-trainer-added = The trainer is assigned.
flash-trainer-removed = The trainer is removed from this edition.
flash-session-saved = The session is saved.
flash-session-deleted = The session is deleted.
err-slug-invalid = Use 2 to 60 lowercase letters, digits and hyphens, starting with a letter or digit.
err-slug-taken = Another edition already uses this short name.
err-number-invalid = Enter a whole number of 1 or more.
err-number-taken = This program already has an edition with this number.
err-title-required = Enter a title.
err-long-text-too-long = This text is too long (at most 4,000 characters).
err-date-invalid = Enter a date as YYYY-MM-DD.
err-datetime-invalid = Enter a date and time as YYYY-MM-DD HH:MM.
err-end-before-start = The end must come after the start.
err-capacity-invalid = Enter a number of seats of 1 or more.
err-mode-unknown = Choose on site, online or blended.
err-admission-unknown = Choose open or reviewed admission.
err-languages-required = Choose at least one working language.
err-url-invalid = Enter a full web address starting with https://.
err-session-kind-unknown = Choose lecture, workshop, site visit or panel.
err-session-outside-edition = The session must take place between the edition's first and last day.
err-sessions-outside-dates = Some sessions would fall outside these dates: move or delete them first.
err-program-unknown = Choose a program.
err-module-unknown = One of the chosen modules does not exist.
err-module-not-in-course = This module is not part of the edition's course.
err-trainer-unknown = Choose trainers among those assigned to this edition.
err-trainer-no-account = No account uses this email. The trainer must sign up first.
err-lesson-locked = This lesson opens when you have finished the lessons before it.
err-progress-participants-only = Only participants of the edition record progress.

## Enrollment
mail-signature = WTA Academy
mail-enrollment-note = Message from the coordinators:
mail-enrollment-received-subject = Application received: { $edition }
mail-enrollment-received-body =
    Dear { $name },

    we have received your application to { $edition }. The coordinators review every application and will write to you with their decision.

    You can follow your application here: { $link }
mail-enrollment-accepted-subject = You are accepted: { $edition }
mail-enrollment-accepted-body =
    Dear { $name },

    we are glad to confirm your place in { $edition }. The course and the timetable are open to you now.

    Your application: { $link }
mail-enrollment-waitlisted-subject = You are on the waiting list: { $edition }
mail-enrollment-waitlisted-body =
    Dear { $name },

    all places in { $edition } are taken at the moment, so you are on the waiting list, at position { $position }. When a place frees, it is offered to the first person on the list by email.

    Your application: { $link }
mail-enrollment-offered-subject = A seat is offered to you: { $edition }
mail-enrollment-offered-body =
    Dear { $name },

    a place in { $edition } has become free and is offered to you. Please accept it before { $deadline }; after that it goes to the next person on the waiting list.

    Accept or decline here: { $link }
mail-enrollment-expired-subject = Your offer has expired: { $edition }
mail-enrollment-expired-body =
    Dear { $name },

    the place offered to you in { $edition } was not taken up in time and has passed to the next person on the waiting list.

    Your application: { $link }
mail-enrollment-rejected-subject = Your application: { $edition }
mail-enrollment-rejected-body =
    Dear { $name },

    thank you for applying to { $edition }. We are sorry that we cannot offer you a place this time.

    Your application: { $link }
mail-enrollment-withdrawn-subject = Your application is withdrawn: { $edition }
mail-enrollment-withdrawn-body =
    Dear { $name },

    your application to { $edition } is withdrawn. If this was a mistake, please write to the coordinators.

    Your application: { $link }
mail-digest-subject = New applications today
mail-digest-intro = New applications in the last 24 hours:
err-certificate-name-required = Enter your name as it should be printed on the certificate, in Latin letters.
err-organisation-required = Enter your organisation.
err-organisation-type-required = Choose the type of your organisation.
err-country-required = Choose your country.
err-motivation-required = Tell us in a few sentences why you apply.
err-motivation-too-long = This text is too long (at most 2,000 characters).
err-already-applied = You have already applied to this edition.
err-applications-closed = Applications to this edition are not open.
err-edition-full = This edition is full: no more applications are taken.
err-application-locked = This application can no longer be changed.
err-cannot-withdraw = This application cannot be withdrawn.
err-no-offer = There is no open offer to accept.
err-decision-unknown = Choose accept, waiting list or reject.
err-nothing-selected = Select at least one application.
err-decision-not-allowed = One of the selected applications cannot take this decision in its present state.
err-capacity-full = Not enough free places. To exceed the capacity, give a reason.
err-quota-full = This country has reached its quota. To exceed it, give a reason.
err-invitation-invalid = This invitation link is not valid.
err-invitation-other-email = This invitation was sent to another email address. Sign in with that address to use it.
err-invitation-expired = This invitation has expired or has been used.
err-offer-hours-invalid = Enter a number of hours between 1 and 720.
err-quota-invalid = Enter a whole number of 1 or more, or leave empty for no quota.
field-offer-hours = Hours to accept an offered place
field-country-quota = Most participants per country
hint-country-quota = Leave empty for no quota. Applicants over the quota are waitlisted.
mail-account-created-subject = Your place in { $edition }: set your password
mail-account-created-body =
    Dear { $name },

    the coordinators have enrolled you in { $edition } and created an account for you on WTA Academy.

    Choose your password here (the link works for { $days } days): { $link }

    WTA Academy
mail-invitation-subject = Invitation to apply: { $edition }
mail-invitation-body =
    Hello,

    the coordinators invite you to apply to { $edition }. Sign in (or create an account with this email address), then open this link to fill in your application; it works once and for { $days } days:

    { $link }

    WTA Academy
err-csv-too-large = The file is too large (at most 5 MB).
err-csv-not-utf8 = The file is not in UTF-8. Save it as "CSV UTF-8" and try again. First line that is not UTF-8:
err-csv-empty = The file is empty.
err-csv-header = The first line must name the columns; email and name are required, and only the template's columns are allowed. Columns missing (-) or unknown (+):
err-csv-unreadable = The file cannot be read as CSV at line
err-csv-duplicate = This email appears earlier in the file.
err-csv-has-invalid-rows = Some rows are invalid: correct them and upload the file again. Nothing was imported.
application-state-submitted = Submitted, waiting for review
application-state-accepted = Accepted
application-state-waitlisted = On the waiting list
application-state-offered = A place is offered to you
application-state-rejected = Not accepted
application-state-withdrawn = Withdrawn
application-state-expired = Offer expired
application-state-completed = Completed
decision-accepted = Accept
decision-waitlisted = Put on the waiting list
decision-rejected = Reject
waitlist-reason-capacity = edition full
waitlist-reason-quota = country quota reached
waitlist-reason-coordinator = coordinators' decision
import-status-new = new account
import-status-existing = existing account
import-status-enrolled = already in this edition (skipped)
import-status-invalid = invalid
edition-apply = Apply
edition-your-application = Your application
application-title = Your application
application-your-state = State
application-position = You are number { $position } on the waiting list.
application-offer-until = Accept the offered place before
application-accept-offer = Accept the place
application-decline-offer = Decline the place
application-withdraw = Withdraw my application
application-consents = Consents
application-save = Save changes
application-submit = Send my application
consent-listed = List my name and organisation in the participant list shared with this edition's participants.
consent-photos = Photographs of the workshop in which I appear may be published.
consent-contact = WTA may contact me after the workshop about follow-up activities.
field-motivation = Why do you apply?
hint-motivation = A few sentences on your work and what you want to take home (at most 2,000 characters).
flash-application-sent = Your application is sent. A confirmation is on its way by email.
flash-application-saved = Your changes are saved.
flash-application-withdrawn = Your application is withdrawn.
flash-offer-accepted = The place is yours. Welcome!
applications-title = Applications
applications-seats = Places
applications-seats-count = { $taken } of { $capacity } places taken ({ $free } free), counting offered places.
applications-quota = At most { $quota } participants per country. Places by country:
applications-quota-full = full
applications-by-state = By state
applications-invite = Invite someone
applications-skip-review = Accept without review while places remain
applications-send-invitation = Send the invitation
applications-import = Enroll a list of participants (CSV)
applications-state = State
applications-region = UNESCO region
applications-all-states = All states
applications-all-regions = All regions
applications-all-countries = All countries
applications-all-org-types = All organisation types
applications-select = Select
applications-read = Read
applications-none = No application matches.
applications-decide = Decide on the selected applications
applications-decision = Decision
applications-message = Message to the applicants (optional, added to the email)
applications-override = Reason to exceed capacity or quota
hint-override = Only needed to accept more people than there are places; kept in the audit log.
applications-apply-decision = Apply the decision
flash-decision-saved = The decision is recorded and the applicants are told by email.
flash-invitation-sent = The invitation is sent.
flash-import-done = Imported: { $created } accounts created, { $enrolled } enrolled, { $waitlisted } on the waiting list, { $skipped } already in the edition.
import-title = Enroll a list of participants
import-explain = Upload a CSV file (UTF-8, comma or semicolon). You will see every row first; nothing is written until you confirm. People without an account get one, with an email to set their password; people already in the edition are skipped.
import-template = Download the template
import-file = CSV file
import-preview = Check the file
import-preview-title = Check before importing
import-counts = { $new } new accounts, { $existing } existing accounts, { $enrolled } already in the edition, { $invalid } invalid rows.
import-confirm = Import these participants
import-line = Line
import-status = Result
import-problems = Problems
application-questions = Questions from the coordinators
err-answer-required = Please answer this question.
err-answer-too-long = This answer is too long.
err-answer-choice = Choose one of the answers offered.
err-question-kind = Choose short text, long text or a choice.
err-question-label = Write the question (at most 200 characters).
err-question-choices = List at least two choices, one per line.
question-kind-short = short text
question-kind-long = long text
question-kind-choice = one choice
questions-title = Extra questions on the application form
questions-none = No extra questions.
questions-label = Question
questions-kind = Kind of answer
questions-choices = Choices, one per line (for "one choice")
questions-required = required
questions-add = Add the question
questions-remove = Remove
flash-question-added = The question is added to the application form.
flash-question-removed = The question is removed.
err-file-name = The file name cannot contain slashes, ".." or control characters.
err-file-empty = The file is empty.
err-file-too-large = The file is larger than the upload limit.
err-file-unreadable = The upload was interrupted. Please try again.
err-file-missing = Choose a file to upload.
err-file-type = This type of file is not accepted. Upload PDF, office documents, images, audio, video, zip, CSV or plain text.
err-storage-unavailable = Files cannot be stored right now. Please try again in a few minutes; nothing was changed.
err-visibility-unknown = Choose who may see this material.
err-session-unknown = This session is not part of the edition.
materials-title = Materials
materials-manage = Manage the materials
materials-upload = Add a file
materials-visibility = Who may see it
materials-file = File
materials-hint = PDF, office documents, images, audio, video, zip, CSV or text; at most { $max } MB.
materials-upload-button = Upload
materials-version = version { $version }
materials-versions = Earlier versions
materials-current = current
materials-restore = Restore
materials-replace = Replace with a new version
materials-replace-button = Upload the new version
materials-delete = Delete
materials-none = No materials yet.
materials-updated = updated on { $date }
visibility-public = Everyone
visibility-participants = Participants of this edition
visibility-trainers = Trainers only
material-kind-pdf = PDF
material-kind-zip = ZIP archive
material-kind-csv = CSV table
material-kind-text = Text
material-kind-document = Document
material-kind-spreadsheet = Spreadsheet
material-kind-slides = Slides
material-kind-image = Image
material-kind-video = Video
material-kind-audio = Audio
material-kind-file = File
materials-attach = Attach to
materials-attach-edition = The whole edition
materials-attach-modules = Modules and lessons
materials-attach-sessions = Live sessions
materials-general = For the whole edition
materials-module = Module: { $title }
materials-session = Session: { $title }
materials-lesson = lesson “{ $title }”
materials-uploading = Uploading… { $percent }%
materials-upload-failed = The upload did not finish. Check the connection and try again.
err-lesson-not-in-course = This lesson is not part of the edition's course.
flash-material-saved = The file is saved.
flash-material-deleted = The material is deleted.
