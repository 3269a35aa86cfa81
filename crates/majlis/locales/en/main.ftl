# Majlis user-interface messages (English, the reference locale).
# Every id here exists in ar, tr, fr and de too; a test checks it.

site-tagline = Peer learning for host municipalities
skip-to-content = Skip to content
nav-main = Main
nav-languages = Language
nav-home = Home
nav-municipalities = Municipalities
nav-organisations = Organisations
nav-network = The network
footer-about = Majlis is the shared platform of a peer-learning network of municipalities that host refugees and migrants.
footer-api = Open data (JSON API)
breadcrumbs = Breadcrumbs

language-en = English
language-ar = Arabic
language-tr = Turkish
language-fr = French
language-de = German
shown-in = shown in { $language }

home-title = Municipalities learning from each other
home-lead = Member municipalities and their partners share what works in hosting refugees: good practices, workshops, consultations and surveys, in Arabic, Turkish, English, French and German.
home-figures = The network in figures
home-explore = Explore
home-municipalities-text = Member municipalities, their figures, themes and focal points.
home-organisations-text = Development agencies, city networks, NGOs and universities that work with the members.
home-network-text = Members by country, with the figures the network reports.

figure-municipalities = Municipalities
figure-countries = Countries
figure-organisations = Partner organisations
figure-themes = Themes
figure-refugees = Refugees hosted

filter-country = Country
filter-theme = Theme
filter-kind = Kind
filter-all = All
filter-apply = Show
result-count = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
themes-label = Themes
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-position = Page { $page }

municipalities-title = Member municipalities
municipalities-lead = Municipalities, districts and unions of municipalities that take part in the network.
municipalities-empty = No municipality matches these filters.
refugees-hosted = Hosts { $count } refugees
municipality-profile = Profile
municipality-facts = Facts
fact-population = Population
fact-refugees = Refugees hosted
fact-member-since = Member since
fact-figures = Figures
fact-none = not reported
themes-of-interest = Themes of interest
focal-points = Focal points
focal-points-none = No focal point is listed yet.

organisations-title = Partner organisations
organisations-lead = Organisations that support the member municipalities and take part in the network's activities.
organisations-empty = No organisation matches these filters.
organisation-website = Website

network-title = The network
network-lead = Where the members and partners of the network are, and what they report.
network-by-country = Members and partners by country
network-refugees-note = Refugee figures are the sum of what member municipalities report; most have not reported one yet.
network-figures-from = from { $count ->
    [one] one municipality
   *[other] { $count } municipalities
}
column-country = Country

municipality-kind-municipality = Municipality
municipality-kind-metropolitan-municipality = Metropolitan municipality
municipality-kind-district-municipality = District municipality
municipality-kind-union-of-municipalities = Union of municipalities
municipality-kind-district = District
municipality-kind-city-district = City district

organisation-kind-development-agency = Development agency
organisation-kind-city-network = City network
organisation-kind-ngo = NGO
organisation-kind-university = University or college
organisation-kind-ministry = Ministry
organisation-kind-union-of-municipalities = Union of municipalities
organisation-kind-international-organisation = International organisation
organisation-kind-research-institute = Research institute
organisation-kind-government-agency = Government agency
organisation-kind-foundation = Foundation
organisation-kind-private-sector = Private sector
organisation-kind-consultancy = Consultancy

field-page = page number
field-per_page = number per page
field-country = country
field-theme = theme
field-kind = kind
field-members = members

error-status = Error { $status }
error-back-home = Back to the home page
error-not-found-title = Page not found
error-not-found = There is nothing at this address. It may have moved, or the link may be mistyped.
error-bad-request-title = This request could not be understood
error-bad-request = Something in the address could not be understood. Check it and try again.
error-bad-request-field = The value given for “{ $field }” is not valid. Check it and try again.
error-method-not-allowed-title = Not allowed
error-method-not-allowed = This address does not accept this kind of request.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. It has been logged; please try again in a moment.

nav-sign-in = Sign in
nav-sign-out = Sign out
login-title = Sign in
login-lead = Sign in with the email address and password of your Majlis account.
login-email = Email address
login-password = Password
login-submit = Sign in
login-failed = The email address or the password is wrong.
login-deactivated = This account has been deactivated. Ask a network coordinator if you need it again.
login-too-many = Too many sign-in attempts. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
login-signed-out = You are signed out.
account-title = My account
account-name = Name
account-role = Role
account-sessions = Where you are signed in
account-session-device = Address and browser
account-session-current = this browser
account-session-started = Signed in
account-session-last-seen = Last active
account-sign-out-everywhere = Sign out everywhere
role-admin = Administrator
role-coordinator = Coordinator
role-member = Member
role-expert = Expert
field-form = form
error-sign-in-required-title = Please sign in
error-sign-in-required = This page is for signed-in members. Sign in to continue.
error-forbidden-title = Not allowed
error-forbidden = You are not allowed to do this.
error-csrf-title = This form has expired
error-csrf = This form has expired or was sent from another site. Reload the page and try again.
error-too-many-requests-title = Too many attempts
error-too-many-requests = Too many attempts in a short time. Wait a little and try again.
nav-people = People
people-title = People
people-lead = Everyone with an account. Deactivating an account signs it out everywhere at once.
people-status = Status
people-active = Active
people-inactive = Deactivated
people-role-of = Role of { $name }
people-change-role = Change role
people-deactivate = Deactivate
people-reactivate = Reactivate
people-updated = The change is saved.
field-role = role
field-active = status
people-invite = Invite someone
invite-title = Invite someone
invite-lead = The person receives a link by email. It works once, for seven days.
invite-email = Email address
invite-role = Role
invite-municipality = Municipality
invite-municipality-none = None
invite-focal-point = Focal point of this municipality (acts for it)
invite-locale = Language of the message
invite-submit = Send the invitation
invite-sent = Invitation sent to { $email }.
invite-email-invalid = Enter a valid email address.
invite-email-taken = An account with this email address already exists.
join-title = Join Majlis
join-lead = You are invited to Majlis as { $role }. Choose the name others will see and a password.
join-name = Your name
join-password = Password
join-password-again = Password again
join-password-hint = 8 to 128 characters. A sentence you remember works well.
join-submit = Create my account
join-password-mismatch = The two passwords differ.
join-name-missing = Enter your name.
join-password-short = The password must be at least 8 characters long.
join-password-long = The password must be at most 128 characters long.
join-password-common = This password is among the most common ones. Choose another.
invitation-not-found = This invitation link is not valid. Check that you copied the whole link.
invitation-expired = This invitation has expired. Ask a network coordinator for a new one.
invitation-used = This invitation has already been used. Sign in with your account instead.
field-municipality = municipality
field-locale = language
mail-invitation-subject = Your invitation to Majlis
mail-invitation-body = Hello,

    { $inviter } invites you to Majlis, the platform of the peer-learning network of municipalities hosting refugees.

    Open this link to choose your name and password:
    { $link }

    The link works once, until { $until }.
edit-municipality = Edit the profile
edit-saved = The profile is saved.
edit-errors = Some fields need another look:
edit-original-language = Original language
edit-name = Name
edit-region = Region or province
edit-figure = Number
edit-year = Year of the figure
edit-save = Save
edit-error-figure = enter a whole number between 0 and 100,000,000
edit-error-year = enter a year between 1900 and this year
edit-error-orig = choose one of the five languages
edit-error-too-long = this is too long
edit-error-name-original = the name is required in the original language
edit-error-profile-original = write the profile in the original language too
edit-error-theme = unknown theme
field-orig = original language
field-name = name
field-profile = profile
field-region = region
field-population = population
field-latitude = latitude
field-longitude = longitude
field-population_year = year of the population figure
field-refugees = refugees hosted
field-refugees_year = year of the refugee figure
field-themes = themes
municipality-new = New municipality
municipality-create = Add the municipality
organisation-new = New organisation
organisation-create = Add the organisation
organisation-edit = Edit the organisation
organisation-saved = The organisation is saved.
edit-slug = Address (slug)
edit-slug-hint = Lower-case letters a–z, digits and hyphens, for example “gaziantep-sahinbey”. It becomes part of the page’s address and cannot be changed later.
edit-kind = Kind
edit-country = Country
edit-acronym = Acronym
edit-website-hint = A full address starting with https:// or http://
edit-description = Description
edit-error-slug = use only lower-case letters a–z, digits and hyphens
edit-error-slug-taken = this address is already taken
edit-error-kind = choose a kind from the list
edit-error-country = choose a country from the list
edit-error-website = enter a web address starting with https:// or http://
edit-error-description-original = write the description in the original language too
field-slug = address
field-member_since = member since
field-acronym = acronym
field-website = website
field-description = description
two-factor-title = Two-step sign-in
two-factor-login-lead = Enter the 6-digit code from your authenticator app, or one of your recovery codes.
two-factor-code = Code
two-factor-submit = Continue
two-factor-wrong = This code is not right, or it has already been used.
two-factor-too-many = Too many wrong codes. Wait 15 minutes and try again.
two-factor-setup-lead = Scan this picture with an authenticator app (for example FreeOTP, Aegis or Google Authenticator), or type the key into it, then enter the 6-digit code the app shows.
two-factor-key = Key
two-factor-enable = Turn on
two-factor-on = Two-step sign-in is on.
two-factor-recovery = Recovery codes
two-factor-recovery-lead = Keep these codes somewhere safe. Each one works once, if you lose your phone. They are shown only now.
two-factor-codes-left = Recovery codes left: { $count }
two-factor-required-note = Coordinators and administrators must use two-step sign-in; everyone else may.
account-two-factor = Two-step sign-in
error-two-factor-required-title = Two-step sign-in needed
error-two-factor-required = Coordinator and administrator pages need two-step sign-in. Turn it on in your account first.
error-action-two-factor = Turn on two-step sign-in
reset-forgot-link = Forgot your password?
reset-title = Forgot your password?
reset-lead = Enter the email address of your account. We send a link to choose a new password; it works once, for 15 minutes.
reset-send = Send the link
reset-sent = If an account uses this address, a link is on its way. Check your inbox.
reset-new-title = Choose a new password
reset-save = Save the new password
reset-done = Your password is changed. You were signed out everywhere; sign in with the new password.
reset-not-found = This link is not valid. Check that you copied the whole link.
reset-expired = This link has expired. Ask for a new one.
reset-used = This link has already been used. Ask for a new one if you need it.
mail-reset-subject = Choose a new Majlis password
mail-reset-body = Hello,

    Someone asked to change the password of your Majlis account. If it was you, open this link within { $minutes } minutes:
    { $link }

    If it was not you, ignore this message: your password stays as it is.
nav-audit = Audit log
audit-title = Audit log
audit-lead = Every change to content, roles and settings: who made it, when, and from which address.
audit-person = Person (number)
audit-object = Object
audit-object-id = Object number
audit-from = From
audit-to = To
audit-when = When
audit-who = Who
audit-what = What
audit-where = From address
audit-empty = Nothing recorded matches these filters.
audit-backup-age = Last good backup: { $hours } hours ago.
audit-backup-none = No backup has been taken yet: see “Backups” in the README.
audit-system = command line
field-person = person
field-object = object
field-object_id = object number
field-from = from date
field-to = to date
account-download-data = Download my data (JSON)
delete-title = Delete my account
delete-lead = Your profile, your sessions and your ties to municipalities are deleted at once. This cannot be undone.
delete-kept = What you did on the platform stays in its record, shown as done by a former member. Download your data first if you want a copy.
delete-content-legend = What you wrote
delete-content-keep = Keep it, shown as written by a former member
delete-content-delete = Delete it too: my contributions to consultations, the consultations I started (with what others wrote in them) and my practice drafts. Practices submitted for a municipality stay with the municipality.
delete-confirm-password = Your password, to confirm
delete-submit = Delete my account for good
delete-wrong-password = The password is wrong. Nothing was deleted.
delete-last-admin = You are the last administrator. Make someone else an administrator first.
delete-done = Your account is deleted.
audit-former-member = a former member
tokens-title = API tokens
tokens-lead = A personal token lets a program use the JSON API with your permissions: send it as "Authorization: Bearer …". Revoke a token as soon as you no longer need it.
tokens-name = Name of the token
tokens-create = Create a token
tokens-created = Here is your new token. Copy it now: it is shown only this once.
tokens-none = You have no API token.
tokens-last-used = Last used
tokens-revoke = Revoke
tokens-bad-name = Give the token a name of 1 to 100 characters.
password-title = Change my password
password-lead = After the change you are signed out everywhere, this browser included; sign in again with the new password.
password-current = Current password
password-current-wrong = The current password is wrong. Nothing was changed.

## Library, practices, compendiums
nav-library = Library
library-title = Library
library-lead = Documents of the network in the languages they exist in: concept notes, reports, presentations, practice sheets and more.
library-sections = Library sections
library-documents = Documents
library-practices = Good practices
library-compendiums = Compendiums
library-empty = No document matches these filters.
filter-language = Language
filter-year = Year
filter-sort = Order
sort-newest = Newest first
sort-oldest = Oldest first
sort-title = By title
form-choose = Choose…
form-required = required
form-error-choose = Choose one of the options offered.
form-error-required = This is needed.
form-error-too-long = This is too long.
form-error-year = Give a year of four digits.
form-error-period = The end comes before the start.
form-error-email = This is not an email address.
form-error-link = Give a web address starting with https:// or http://.
form-error-file-or-link = Give either a file or a link.
form-error-original = Fill it in the original language.
upload-hint = PDF, Word, PowerPoint, Excel, OpenDocument, JPEG, PNG or WebP; at most { $size } MB.
upload-error-empty = The file is empty.
upload-error-too-large = The file is larger than the limit.
upload-error-type = This kind of file is not accepted: only PDF, office documents and pictures.
upload-error-bomb = This file unpacks to far more than its size and was refused.
upload-error-malformed = This file is damaged and cannot be read.
upload-error-failed = The file could not be stored. Nothing was saved; please try again.
visibility-public = Everyone
visibility-members = Members only
resource-new = Add a document
resource-authors = Authors
resource-organisations = Organisations
resource-countries = Countries
resource-licence = Licence
resource-month = Month
resource-visibility = Who may read it
resource-languages = Languages
resource-versions = Language versions
resource-no-versions = No version has been added yet.
resource-download = Download
resource-open-link = Open the link
resource-not-available = announced, not available yet
resource-practices = Related good practices
resource-add-version = Add a language version
resource-first-version = First language version
resource-kind-concept-note = Concept note
resource-kind-framing-note = Framing note
resource-kind-report = Report
resource-kind-presentation = Presentation
resource-kind-practice-sheet = Practice sheet
resource-kind-toolkit = Toolkit
resource-kind-policy-brief = Policy brief
resource-kind-compendium = Compendium
resource-kind-programme = Programme
resource-kind-video-link = Video
resource-kind-photo-reportage = Photo reportage
resource-kind-dataset = Dataset
practices-title = Good practices
practices-lead = What member municipalities and partners have done, and what others can learn from it.
practices-empty = No published practice matches these filters.
my-practices-title = My practices
my-practices-lead = Practices you started and those of the municipalities you are a focal point of, in every state.
review-title = Review queue
review-lead = Practices sent for review. Open one to comment, ask for changes or publish it.
practice-new = Submit a practice
practice-edit = Edit
practice-versions = Versions
practice-sheet-pdf = Practice sheet (PDF)
practice-status = Status
practice-status-draft = Draft
practice-status-submitted = Submitted
practice-status-in-review = In review
practice-status-published = Published
practice-status-archived = Archived
practice-archived-note = This practice has been archived: it may no longer be current.
practice-original-language = Original language
practice-last-verified = Last verified
practice-ongoing = Ongoing
practice-period-ongoing = Since { $start }, ongoing
practice-attachments = Attachments and documents
practice-no-attachments = Nothing attached yet.
practice-add-attachment = Attach
practice-history = Review history
practice-review-actions = Review
practice-steps = Steps
practice-step-about = About the practice
practice-step-story = Challenge and approach
practice-step-results = Results and lessons
practice-step-finish = Attachments and review
practice-writing-in = Writing in
practice-translation = translation
practice-saved = Saved.
practice-save-continue = Save and continue
practice-save-draft = Save draft
practice-checklist = Before sending it for review
practice-complete = Everything needed is there.
practice-missing = Still missing:
practice-contact-hint = Shown only to signed-in members.
practice-field-title = Title
practice-field-summary = Summary
practice-field-target-groups = Target groups
practice-field-challenge = Challenge
practice-field-approach = Approach and activities
practice-field-partners = Partners
practice-field-results = Results and indicators
practice-field-lessons = Success factors and lessons learned
practice-field-transferability = Transferability and resources needed
practice-field-owner = Municipality or organisation
practice-field-country = Country
practice-field-city = City
practice-field-department = Department
practice-field-contact = Contact person
practice-field-contact-name = Contact person
practice-field-contact-email = Contact email
practice-field-themes = Themes
practice-field-period = Period
practice-field-start-year = From (year)
practice-field-end-year = Until (year)
practice-field-presenter = Presented by
practice-field-presented-at = Where it was presented
practice-field-comment = Comment
practice-field-orig = Original language
practice-field-kind = Kind
practice-field-year = Year
practice-field-month = Month
practice-field-visibility = Who may read it
practice-field-countries = Countries
practice-field-organisations = Organisations
practice-field-authors = Authors
practice-field-licence = Licence
practice-field-introduction = Introduction
practice-field-edition = Edition
practice-field-publisher = Publisher
practice-field-practices = Practices
practice-field-version-lang = Language
practice-field-version-title = Title in this language
practice-field-version-file = File
practice-field-version-url = Or a link
practice-action-submitted = Send for review
practice-action-review-started = Start the review
practice-action-changes-requested = Ask for changes
practice-action-published = Publish
practice-action-archived = Archive
practice-action-comment = Comment
practice-review-submitted = Sent for review
practice-review-review-started = Review started
practice-review-changes-requested = Changes asked
practice-review-published = Published
practice-review-archived = Archived
practice-review-comment = Comment
former-member = a former member
versions-from = From version
versions-to = To version
versions-compare = Compare
versions-changes = { $count ->
    [one] One change
   *[other] { $count } changes
}
compendiums-title = Compendiums
compendiums-lead = Selections of good practices by theme, to read here or print.
compendiums-empty = No compendium has been published yet.
compendium-new = New edition
compendium-draft = Draft
compendium-published = Published
compendium-pdf = Download as PDF
compendium-contents = Contents
compendium-introduction = Introduction
compendium-edition = Edition (e.g. May 2017)
compendium-publisher = Publisher
compendium-arrange = Choose practices
compendium-arrange-lead = Place published practices in chapters by theme and give their order; leave out the others.
compendium-published-practices = Published practices
compendium-chapter = Chapter
compendium-order = Order
compendium-not-included = Not included
print-footer = Majlis · peer-learning network of host municipalities

## Events
nav-events = Events
events-title = Events
events-lead = Peer-to-peer workshops, webinars, field visits and academy modules of the network: programmes, materials and what came out of them.
events-empty = No event matches these filters.
events-when = Which events
events-when-upcoming = Upcoming
events-when-past = Past
events-when-all = All
events-subscribe = Subscribe to these events (iCalendar)
events-mine = My events
events-mine-empty = You are not registered for any event.
events-calendar-name = Majlis events
events-my-calendar-name = My Majlis events
events-my-feed = Your personal calendar
events-my-feed-hint = A secret address that calendar programs can follow: it lists the events you registered for. Anyone who has the address can read the list, so keep it to yourself.
events-my-feed-new = Here is your new address. It is shown only this once: copy it into your calendar program now.
events-my-feed-address = Calendar address
events-my-feed-exists = You have a calendar address. Making a new one stops the old one from working.
events-my-feed-create = Make a calendar address
events-my-feed-replace = Make a new address
event-new = New event
event-edit = Edit the event
event-edit-programme = Edit the programme
event-edit-outcomes = Edit the outcomes
event-registrations = Registrations
event-manage = Manage the event
event-clone = Copy as a new event
event-series = Series
event-when = When
event-where = Where
event-times-in = times in
event-date-approximate = (exact date not recorded)
event-online = online
event-online-link = Link to join online
event-online-link-hidden = The link to join is shown to registered participants.
event-organisers = Organisers
event-partners = Partners
event-languages = Working languages
event-interpretation = Interpretation
event-add-to-calendar = Add to my calendar (iCalendar)
event-registration = Registration
event-capacity = { $count ->
    [one] One place
   *[other] { $count } places
}
event-places-left = { $count ->
    [0] no place left
    [one] one place left
   *[other] { $count } places left
}
event-waiting-count = { $count ->
    [one] one person waiting
   *[other] { $count } people waiting
}
event-programme = Programme
event-programme-empty = The programme has no session yet.
event-day = Day { $number }
event-materials = Materials
event-material-announced = announced, not available yet
event-outcomes = Outcomes
event-report = Report
event-takeaways = Take-away messages
event-practices-presented = Practices presented
event-outcomes-later = Consultations and project ideas
event-outcomes-later-hint = Consultations held and project ideas born at this event will be listed here as they are recorded.
event-outcomes-empty = Nothing has been recorded about the outcomes yet.
event-participants = Participants
event-participants-total = { $count ->
    [one] One participant
   *[other] { $count } participants
}
event-figures-by-hand = figures entered by the coordinators from the event's records
event-figures-attendance = counted from check-ins
event-figures-registrations = counted from registrations
event-figures-by-country = Participants by country
event-figures-by-kind = Participants by kind of organisation
event-figures-count = Participants
event-figures-kind = Kind of organisation
event-figures-countries = Countries represented
event-figures-unknown = Not stated
event-figures-none = No participant figures have been recorded.
event-participant-list = Participants who agreed to be listed
event-participant-list-hint = Only people who gave their consent appear here; they can withdraw it at any time.
event-form-description = Description
event-form-translation-hint = You are adding a translation: fields left empty keep the original.
event-form-kind = Kind and visibility
event-form-time-place = Time and place
event-field-title = Title
event-field-summary = Summary
event-field-context = Context and rationale
event-field-objectives = Objectives
event-field-expected-results = Expected results
event-field-audience = Target audience
event-field-kind = Kind of event
event-field-status = Status
event-field-visibility = Who can see it
event-field-series = Series
event-field-themes = Themes
event-field-timezone = Time zone
event-field-starts = Starts
event-field-ends = Ends
event-field-city = City
event-field-country = Country
event-field-address = Address
event-field-online = Held online (or also online)
event-field-online-url = Link to join online
event-field-languages = Working languages
event-field-interpretation = Interpretation
event-field-organisers = Organisers
event-field-partners = Partners
event-field-capacity = Number of places
event-field-needs-approval = Registrations need a coordinator's approval
event-field-registration-opens = Registration opens
event-field-registration-closes = Registration closes
event-field-questions = Questions asked at registration
event-field-answers = Answers
event-field-day = Day
event-field-position = Order in the day
event-field-session-starts = Starts at
event-field-session-ends = Ends at
event-field-session-kind = Kind of session
event-field-parent = Working group of
event-field-session = Session
event-field-role = Role
event-field-email = Email address of a member
event-field-name = Name
event-field-organisation = Organisation
event-field-affiliation = Position and affiliation
event-field-resource = Library document
event-field-report = Report (a library document)
event-field-takeaways = Take-away messages
event-field-practices = Practices presented
event-field-total = Number of participants
event-field-by-country = Participants by country
event-field-countries = Countries represented
event-field-note = Where the figures come from
event-hint-summary = One or two sentences shown in lists.
event-hint-context = Why the event is held. Separate paragraphs with an empty line.
event-hint-objectives = One objective per line.
event-hint-expected-results = One result per line.
event-hint-audience = Who should take part.
event-hint-timezone = The time zone of the venue, for example Europe/Istanbul or Asia/Amman; online, the organiser's.
event-hint-online-url = Shown only to registered participants and coordinators.
event-hint-capacity = Leave empty for no limit. When places run out, people join a waiting list.
event-hint-questions = One question per line. Start a line with * to make the question required.
event-hint-position = A number; leave empty to put the session last in its day.
event-hint-parent = Choose a session to make this a parallel working group of it.
event-hint-person-email = For a member of Majlis. For a guest, leave it empty and write the name.
event-hint-takeaways = One message per line.
event-hint-by-country = One line per country: its two-letter code and a number, for example TR 38.
event-hint-countries = Two-letter codes separated by spaces, when only the list of countries is known.
event-figures-by-hand-legend = Participant figures entered by hand
event-figures-by-hand-hint = For events held without registrations on Majlis. The event page says the figures were entered by hand.
event-no-practices = No practice has been published yet.
event-not-translated = not translated into this language yet
event-session-add = Add a session
event-session-edit = Change the session
event-session-delete = Remove the session
event-person-add = Add a person to a session
event-person-remove = Remove
event-material-attach = Attach a document
event-whole-event = The whole event
event-detach = Detach
event-kind-peer-workshop = Peer-to-peer workshop
event-kind-webinar = Webinar
event-kind-field-visit = Field visit
event-kind-dialogue-workshop = Dialogue workshop
event-kind-academy-module = Academy module
event-status-planned = Planned
event-status-open = Open for registration
event-status-held = Held
event-status-cancelled = Cancelled
session-kind-opening = Opening
session-kind-keynote = Keynote
session-kind-panel = Moderated panel and plenary
session-kind-working-groups = Parallel working groups
session-kind-recap = Recap
session-kind-field-visit = Field visit
session-kind-consultation-clinic = Consultation clinic
session-kind-presentations = Presentations
session-kind-results = Presentation of results
session-kind-next-steps = Next steps
session-kind-closing = Closing
session-role-moderator = Moderator
session-role-rapporteur = Rapporteur
session-role-speaker = Speaker
session-role-panellist = Panellist
session-role-facilitator = Facilitator
session-role-expert = Expert
session-role-keynote = Keynote speaker
registration-register = Register
registration-join-waiting = Join the waiting list
registration-sign-in = Sign in to register
registration-not-open = Registration is not open.
registration-needs-approval = A coordinator confirms each registration.
registration-consent = List my name and organisation among the participants on the public page
registration-consent-save = Save my choice
registration-cancel = Cancel my registration
registration-you-registered = You are registered.
registration-you-waiting = You are on the waiting list; you will receive an email if a place frees up.
registration-you-pending = Your registration waits for a coordinator's approval.
registration-you-cancelled = You cancelled your registration.
registration-you-declined = Your registration was not accepted.
registration-error-closed = Registration for this event is closed.
registration-error-already = This person is already registered.
registration-error-state = This registration has changed in the meantime; look at the list again.
registration-status = Status
registration-status-registered = Registered
registration-status-waiting = Waiting list
registration-status-pending = Awaiting approval
registration-status-cancelled = Cancelled
registration-status-declined = Declined
registration-count-registered = { $count } registered
registration-count-waiting = { $count } waiting
registration-count-pending = { $count } awaiting approval
registration-count-attended = { $count } attended
registration-add = Register a member
registration-add-hint = The member's email address; they are registered on their behalf.
registration-list = Registrations
registration-list-empty = No one has registered yet.
registration-answers = Answers
registration-actions = Actions
registration-approve = Approve
registration-decline = Decline
registration-check-in = Check in
registration-undo-check-in = Undo the check-in
registration-cancel-for = Cancel
registration-attended = attended
registration-listed = listed publicly
edit-writing-in = Writing in
edit-original = Original
form-error-timezone = Choose a time zone from the list, for example Europe/Istanbul.
form-error-datetime = Write a date and time, for example 2026-03-14T09:30.
form-error-ends-before-starts = The end must come after the start.
form-error-too-long-event = An event lasts at most 31 days.
form-error-venue = Give a city, or mark the event as held online.
form-error-capacity = Write a whole number from 1 to 100000, or leave it empty.
form-error-too-many-questions = Ask at most 10 questions.
form-error-number = Write a whole number.
form-error-time = Write a time as hours and minutes, for example 14:30.
form-error-no-member = No active member has this email address.
form-error-name-or-member = Give a member's email address or a guest's name.
form-error-country-lines = Each line needs a known two-letter country code and a number, for example TR 38.
form-error-more-than-total = The countries add up to more than the number of participants.
mail-event-promoted-subject = A place is free for you: { $event }
mail-event-promoted-body = Hello,

    A place has become free and you are now registered for { $event }.
    The details are on the event page:
    { $link }

    If you can no longer come, please cancel your registration there so that someone else can take the place.
mail-event-reminder-subject = Tomorrow: { $event }
mail-event-reminder-body = Hello,

    This is a reminder that { $event } starts { $when }.
    Where: { $place }

    Programme and materials:
    { $link }
event-field-registration = Registration

## Search
nav-search = Search
search-title = Search
search-label = Search practices, documents, events and members, in any language
search-button = Search
search-hint = Words in Arabic, Turkish, English, French or German also find items written in the other languages on the same theme.
search-sort = Order
search-sort-relevance = Most relevant first
search-sort-newest = Newest first
search-refine = Refine the results
search-clear-filters = Remove the filters
search-facet-type = Type
search-facet-theme = Theme
search-facet-country = Country
search-facet-language = Language
search-facet-year = Year
search-start = Type a few words to search.
search-empty = Nothing found. Try other words, fewer words, or remove a filter.
search-type-practice = Good practice
search-type-resource = Document
search-type-event = Event
search-type-organisation = Organisation
search-type-municipality = Municipality
search-related = Related
practice-presented-at-events = Presented at
resource-used-at-events = Events
resource-edit = Edit the document
resource-delete = Delete the document
resource-delete-hint = The document and all its language versions disappear from the library, from events and from practices. This cannot be undone.
resource-delete-confirm = Yes, delete it
resource-deleted = The document was deleted.
practice-delete = Delete the practice
practice-delete-hint = The practice, its versions and its attachments disappear from the library, from compendiums and from events; consultations that shared it keep what was written. This cannot be undone.
practice-delete-confirm = Yes, delete it
practice-deleted = The practice was deleted.
compendium-describe = Edit the description
compendium-translation-hint = You are writing a translation: the original is shown above the fields, and a field left empty is shown in the original language.
compendium-chapter-introductions = Chapter introductions
compendium-chapter-introductions-hint = Printed under each chapter’s title, on the page and in the PDF. A chapter appears here once practices are placed in it and saved.
compendium-delete = Delete this edition
compendium-delete-hint = The edition, its chapters and its choice of practices disappear; the practices themselves stay in the library. This cannot be undone.
compendium-delete-confirm = Yes, delete it
compendium-deleted = The edition was deleted.

## Consultations
nav-consultations = Consultations
search-type-dilemma = Consultation
consultations-title = Peer consultations
consultations-lead = A city presents a policy dilemma; peers ask open questions, share what worked elsewhere, and the result is recorded.
consultations-count = { $count ->
    [one] One consultation
   *[other] { $count } consultations
}
consultations-none = No consultation matches these filters.
consultation-new = Put a dilemma to peers
consultation-new-lead = Describe your dilemma as a question and give the information peers need. It is saved as a draft; you then open it for a period and invite peers.
consultation-save-draft = Save the draft
consultation-dilemma = Dilemma
consultation-moderation = Reported contributions
consultation-open = Open the consultation
consultation-open-hint = Peers can then ask open questions for { $days } days.
consultation-open-ideas = Open the second phase: ideas and experiences
consultation-ideas-hint = First peers ask open questions and you answer them. When every question has its answer, open the second phase so that peers can share ideas, experiences and practices.
consultation-unanswered = { $count ->
    [one] One question is still waiting for your answer.
   *[other] { $count } questions are still waiting for your answer.
}
consultation-open-questions = Open questions
consultation-ideas-shared = Ideas and practices shared
consultation-no-questions = No open question yet.
consultation-no-ideas = No idea or experience yet.
consultation-contribute = Take part
consultation-phase-one-hint = First phase: ask an open question that helps the presenter look at the dilemma. Ideas come in the second phase.
consultation-phase-two-hint = Second phase: share an idea, an experience, or a practice or document from the library.
consultation-send = Send
consultation-conclude = Conclusion
consultation-conclude-send = Save the conclusion and close
consultation-archive = Archive this consultation
consultation-participants = Taking part
consultation-suggested-peers = Peers to invite
consultation-invite-after-open = Invitations are sent by email once the consultation is open.
consultation-no-suggestions = No peer to suggest: add themes to the dilemma, or ask a coordinator.
consultation-invite-legend = Suggested from shared themes and related practices
consultation-invite = Invite
consultation-former-member = A former member
consultation-question-n = Question { $n }
consultation-report-of = Consultations at { $event }
consultation-wrapup = Wrap-up
consultation-wrapup-session = Wrap-up session
consultation-error-closed = This consultation is not taking contributions.
consultation-error-period-over = The period of this consultation has ended; only its conclusion can still be written.
consultation-error-ideas-not-open = Ideas open in the second phase, after the presenter has answered the open questions.
consultation-error-unanswered = Answer every open question before opening the second phase.
consultation-error-not-draft = This consultation is already open.
consultation-error-not-question = Only open questions are answered.
consultation-error-not-concluded = Only a concluded consultation can be archived.
consultation-error-question-short = Write the dilemma as a question of at least 10 characters.
consultation-error-period = Give a number of days from 1 to 60.
consultation-error-municipality = Choose a municipality you belong to.
consultation-error-url = Give a web address starting with https:// or http://.
consultation-error-link-missing = Choose a practice or a document, or give a web address.
consultation-error-nobody = Choose at least one person.
form-error-unknown = This is not one of the choices offered.
dilemma-closes = closes
dilemma-phase-questions = open questions
dilemma-phase-ideas = ideas and experiences
dilemma-joint = Discussed together with
dilemma-field-question = The dilemma, as a question
dilemma-field-information = Information on the dilemma
dilemma-field-result = Result of the discussion
dilemma-field-status = Status
dilemma-field-presenter = Presented by
dilemma-field-affiliation = Municipality or organisation
dilemma-field-municipality = Municipality
dilemma-field-organisation = Organisation
dilemma-field-place = Place
dilemma-field-city = City
dilemma-field-country = Country
dilemma-field-themes = Themes
dilemma-field-help = Help sought
dilemma-field-visibility = Who can read it
dilemma-field-period = Open for (days)
dilemma-field-event = Discussed at
dilemma-field-kind = Kind of contribution
dilemma-field-text = Your contribution
dilemma-field-practice = Good practice
dilemma-field-resource = Document
dilemma-field-url = Web address
consultation-choices-hint = The lists show up to { $n } practices and documents, those on this consultation's themes first. To share another, paste its address below.
dilemma-field-answer = Answer
dilemma-field-reason = Reason
dilemma-field-people = People
dilemma-field-key = Form
dilemma-field-author-name = Said by
dilemma-field-author = Author
dilemma-field-wrapup = Wrap-up message
dilemma-hint-question = For example: How can we reach children whose families see our country only as a transit country? At most 500 characters.
dilemma-hint-information = The context peers need: what you tried, who is involved, what limits you. At most 5000 characters.
dilemma-hint-period = From 1 to 60 days; 14 if left empty.
dilemma-status-draft = Draft
dilemma-status-open = Open: questions
dilemma-status-in-discussion = In discussion
dilemma-status-concluded = Concluded
dilemma-status-archived = Archived
dilemma-visibility-public = Everyone
dilemma-visibility-members = Signed-in members
dilemma-visibility-participants = Only the people taking part
contribution-kind-question = Open question
contribution-kind-idea = Idea
contribution-kind-experience = Experience
contribution-kind-link = Practice or document
help-sought-practices = Practices that worked elsewhere
help-sought-experience = Peers' experience
help-sought-expertise = Expert advice
help-sought-partners = Partners for a project
participant-role-presenter = presenter
participant-role-invited = invited
participant-role-rapporteur = rapporteur
suggest-reason-municipality = works on these themes
suggest-reason-expert = expert on these themes
suggest-reason-practice = author of a related practice
contribution-helped = This helped
contribution-hidden = Hidden by a moderator
contribution-reports = { $count ->
    [one] reported once
   *[other] reported { $count } times
}
contribution-answer = Answer of the presenter
contribution-your-answer = Your answer
contribution-answer-send = Answer
contribution-mark-helped = Mark as helpful
contribution-unmark-helped = No longer mark as helpful
contribution-flag = Report to a moderator
contribution-flag-reason = What is wrong with it?
contribution-flag-send = Report
moderation-title = Moderate
moderation-reason = Reason (kept in the audit log)
moderation-reasons = Reasons given
moderation-hide = Hide
moderation-restore = Restore
moderation-none = No contribution is waiting for a moderator.
clinic-title = Consultation clinic
clinic-queue = Dilemmas of this session
clinic-queue-empty = No dilemma is queued for this session yet.
clinic-add-dilemma = Add a dilemma to the session
clinic-record = Record a question, idea or practice
clinic-record-send = Record
clinic-said-by = Said by (optional)
clinic-result = Result of the discussion
clinic-result-send = Save the result
clinic-no-wrapups = No wrap-up message yet.
clinic-wrapup-author = Author
clinic-wrapup-text = Wrap-up message
clinic-wrapup-send = Add the wrap-up
clinic-report = Report
clinic-report-html = Read the report
clinic-report-pdf = Report as PDF
clinic-report-preview = Preview the report
clinic-report-unpublished = Not published yet
clinic-report-draft = This report is not published yet; only the people recording the session see it.
clinic-publish = Publish the report
clinic-withdraw = Withdraw the report
practice-discussed-in = Discussed in consultations
event-consultations = Consultation clinics
event-consultations-report = Report of the consultations
mail-consultation-invited-subject = { $inviter } invites you to a peer consultation
mail-consultation-invited-body = Hello,

    { $inviter } invites you to help with this dilemma:
    { $question }

    Read it, ask an open question and, later, share what worked for you:
    { $link }

## Open registration
register-title = Ask for an account
register-lead = Tell us who you are. A network coordinator reads each request and answers by email.
register-affiliation = Your municipality or organisation, and your position
register-note = A word for the coordinators (optional)
register-submit = Send my request
register-done = Thank you. If this address can join, a coordinator will answer by email.
register-link = No account yet? Ask for one.
people-requests = Requests to join
people-request-approve = Approve { $name }
people-request-decline = Decline { $name }
mail-signup-received-subject = Your request to join Majlis
mail-signup-received-body = Hello,

    We received your request for an account. A network coordinator will read it and answer by email.
    { $link }
mail-signup-existing-subject = Someone asked to join Majlis with your address
mail-signup-existing-body = Hello,

    Someone asked for a new account with this email address, which already has one. If it was you, sign in, or choose a new password here:
    { $link }

    If it was not you, you need do nothing.
mail-signup-approved-subject = Your Majlis account is ready
mail-signup-approved-body = Hello,

    A coordinator approved your request. Sign in with your email address and the password you chose:
    { $link }
mail-signup-declined-subject = Your request to join Majlis
mail-signup-declined-body = Hello,

    A coordinator could not approve your request for an account, and it has been deleted. If you think this is a mistake, write to the network's coordinators.
    { $link }
clinic-joint = Discussed together with another dilemma
clinic-joint-with = Discussed together with
clinic-joint-none = On its own
clinic-error-joint = Choose a dilemma of this session that is discussed on its own; the one chosen holds the shared result.
consultation-invite-as = Invite as
dilemma-field-with = Discussed together with
affiliations-title = Affiliations
affiliations-lead = The municipalities and organisations this person belongs to. A focal point acts for the municipality: edits its profile and submits its practices.
affiliations-none = No affiliation yet.
affiliations-add = Add an affiliation
affiliations-to = Municipality or organisation
affiliations-position = Position (optional)
affiliations-focal-point = focal point
affiliations-focal-point-hint = Focal point of this municipality (not for organisations)
affiliations-remove = Remove the affiliation to { $name }
affiliations-error-choose = Choose a municipality or an organisation from the list.

# trust repairs: uploads
upload-limits = Per form: at most { $files } files, { $total } MB in all.
upload-quota-used = Your stored files take { $used } MB of your { $quota } MB.
upload-error-form-too-large = The files of this form together are larger than the limit per form.
upload-error-quota = This file would take your stored files over your quota (your use is shown under the file field).

# surveys
nav-surveys = Surveys
surveys-title = Surveys of member municipalities
surveys-lead = What the network asks its member municipalities, and what they answered. Each targeted municipality's focal point answers for it.
surveys-none = No survey yet.
survey-new = New survey from an XLSForm
survey-to-answer = Your municipality is asked to answer this survey.
survey-status-draft = In preparation
survey-status-open = Open
survey-status-closed = Closed
survey-audience-public = Everyone
survey-audience-members = Signed-in members
survey-audience-staff = Network staff only
survey-by-none = No breakdown
survey-by-country = By country
survey-by-population = By population
survey-by-refugees = By refugees per 100 residents
survey-band-population-under-50k = Under 50,000 residents
survey-band-population-50k-250k = 50,000 to 250,000 residents
survey-band-population-250k-1m = 250,000 to 1 million residents
survey-band-population-over-1m = Over 1 million residents
survey-band-refugees-under-5 = Under 5 refugees per 100 residents
survey-band-refugees-5-15 = 5 to 15 refugees per 100 residents
survey-band-refugees-15-30 = 15 to 30 refugees per 100 residents
survey-band-refugees-over-30 = Over 30 refugees per 100 residents
survey-group-unknown = Not known
survey-synthetic = The answers to this survey are synthetic: written for the demonstration, not given by the municipalities.
survey-field-status = Status
survey-window = Answers taken
survey-questions = Questions
survey-version = version
survey-event = Event
survey-response-rate = Response rate
survey-responses = Responses counted
survey-results = Results
survey-preview = Preview the form
survey-preview-lead = Every page of the form, every question shown, with the conditions that show or skip them.
survey-form-languages = Languages of the form
survey-shown-when = Shown when:
survey-download-form = Download the XLSForm
survey-your-answers = Your municipality's answers
survey-answer-now = Answer the survey
survey-see-answers = See the answers
survey-targets = Municipalities asked
survey-progress-none = Not started
survey-progress-draft = Draft saved
survey-progress-submitted = Submitted
survey-campaign = Campaign
survey-field-title = Title
survey-field-description = Description
survey-field-opens = First day to answer
survey-field-closes = Last day to answer
survey-field-audience = Who may read the results
survey-save-campaign = Save the campaign
survey-saved = Saved.
survey-replace-form = Replace the form
survey-replace-form-lead = Upload a changed XLSForm. If answers exist, it becomes a new version, and the answers given keep the version they answered.
survey-upload-title = Upload an XLSForm
survey-upload-lead = A form written for KoboToolbox or ODK: survey, choices and settings sheets. It is checked before anything is saved; each problem names the sheet and the row.
survey-field-form = Form file (.xlsx, or the markdown-table form)
survey-hint-form = At most { $mb } MB.
survey-upload-button = Upload and check
survey-error-form = This form cannot be used as it is. Nothing was saved. Correct these and upload it again:
survey-error-no-file = Choose a form file.
survey-error-too-large = This file is larger than the limit.
survey-error-not-xlsform = This file is neither an Excel workbook (.xlsx) nor a markdown-table form.
survey-error-no-title = The form has neither a form_title nor a form_id in its settings.
survey-error-title = Give the survey a title.
survey-error-window = The last day to answer must come after the first day.
survey-error-no-targets = Choose the municipalities asked before opening the survey.
survey-error-targets = One of the municipalities chosen does not exist.
survey-error-date = Write the date as YYYY-MM-DD.
survey-error-value = Choose one of the values offered.
survey-answering-for = Answering for
survey-page = Page
survey-required-mark = required
survey-answers-refused = Some answers need your attention. Nothing on this page was saved:
survey-problem-required = An answer is required.
survey-problem-whole = Write a whole number.
survey-problem-number = Write a number.
survey-problem-date = Write a date as YYYY-MM-DD.
survey-problem-range = This value is outside the scale.
survey-problem-choice = Choose one of the answers offered.
survey-problem-constraint = This answer is not accepted.
survey-back = Back
survey-save-draft = Save the draft
survey-next = Save and continue
survey-draft-saved = Draft saved.
survey-read-only = This survey does not take answers now; the answers are shown as they were saved.
survey-editing-submitted = Your municipality has submitted its answers. Changes you save here count only once you submit them again.
survey-not-accepting = This survey does not take answers now. Nothing was saved.
survey-review-title = Check and submit
survey-change = Change
survey-submit = Submit the answers
survey-submit-changes = Submit the changes
survey-submitted = Thank you: the answers are submitted.
survey-is-submitted = These answers are submitted.
survey-changes-not-submitted = Changes are saved but not submitted yet: the answers submitted before still count.
survey-break-down = Break down
survey-privacy-note = To protect respondents, counts under { $n } are not shown ("suppressed"), nor any count from which one could be worked out; 0% and 100% are not shown in small groups.
survey-answered = Answered
survey-not-answered = Not answered
survey-answer = Answer
survey-all = All
survey-suppressed = suppressed
survey-chart-description = Share of the municipalities that answered this question, for each answer; the table beside gives the same figures.
survey-mean = Mean
survey-median = Median
survey-quartiles = Quartiles (25% – 75%)
search-type-survey = Survey
event-surveys = Surveys of this event
survey-download-answers = Download the answers
survey-with-names = choice names
survey-with-labels = labels
survey-reach = Reaching respondents
survey-remind-lead = Remind the focal points of the municipalities asked that have not submitted yet (each at most once a day), by email in their own language. A reminder also goes out by itself three days before the campaign closes.
survey-remind = Send reminders
survey-reminders-sent = { $count } reminders queued.
survey-not-accepting-reminders = The survey does not take answers now: no reminder was sent.
survey-links = Personal links
survey-links-lead = A link for a named respondent, sent by email: it needs no account and takes one response.
survey-field-link-name = Name of the respondent
survey-field-link-email = Their email address
survey-field-link-municipality = The municipality they answer for (optional)
survey-send-link = Send the link
survey-link-sent = The link is on its way.
survey-new-version = The form changed after answers were given: it is now a new version, and the answers given keep theirs.
survey-error-link-name = Give the respondent's name.
survey-error-link-email = Give a valid email address.
survey-error-link-draft = Open the survey before sending links.
survey-no-closing-date = no closing date
mail-survey-link-subject = Survey: { $survey }
mail-survey-link-body = Dear { $name },

    You are invited to answer the survey "{ $survey }". Your personal link (please do not share it):

    { $link }

    You can save a draft, come back and submit until { $closes }.
mail-survey-reminder-subject = Reminder: { $survey }
mail-survey-reminder-body = Dear focal point of { $municipality },

    The survey "{ $survey }" is still waiting for your municipality's answers. You can answer, or finish a draft, until { $closes }:

    { $link }
survey-results-pdf = The results as PDF
survey-problem-unknown = The form has no question of this name.
survey-api-refused = Some answers were refused. Nothing was saved.
survey-api-not-text = An answer must be text, a number or true or false.

## Plans
plan-action-plan = Action plan
plan-of = for
plan-responsible = Responsible municipality
plan-illustrative = The progress figures of this plan are illustrative (demonstration data).
plan-illustrative-short = illustrative figures
plan-progress = Progress
plan-progress-done = Done
progress-percent = { $n } %
plan-no-progress = No progress figure yet: no step counts (none, or all cancelled or of weight 0).
plan-no-progress-short = no progress figure yet
plan-progress-rule = Progress is the weighted average of the steps: a done step counts 100 %, a step in progress its percent, a step not started 0 %. Cancelled steps and steps of weight 0 are left out.
plan-timeline = Timeline
plan-timeline-desc = { $steps ->
    [one] One step
   *[other] { $steps } steps
    } laid out over time.
plan-timeline-milestones = { $count ->
    [one] One milestone.
   *[other] { $count } milestones.
    }
plan-steps = Steps
plan-dates = Dates
plan-actions = Actions
plan-not-counted = not counted
plan-edit = Edit
plan-delete = Delete
plan-back = Back to the plan
plan-add-step = Add a step
plan-milestones = Milestones
plan-no-milestones = No milestones yet.
plan-no-steps = No steps yet.
plan-not-reached = not reached yet
plan-milestone-due-on = due on { $date }
plan-milestone-reached-on = reached on { $date }
plan-add-milestone = Add a milestone
plan-indicators = Indicators
plan-no-indicators = No indicators yet.
plan-attainment = Attainment
plan-attainment-rule = Attainment is the share of the way from the baseline to the target that the latest measurement has covered, between 0 and 100 %; it also reads right when the target is below the baseline.
plan-not-measured = not measured yet
plan-baseline = Baseline
plan-target = Target
plan-latest = Latest measurement
plan-add-indicator = Add an indicator
plan-add-measurement = Record a measurement
plan-events = Follow-up events
plan-no-events = No follow-up events attached.
plan-attach = Attach the event
plan-detach = Detach
plan-municipality-heading = Action plans
plan-status-not-started = Not started
plan-status-in-progress = In progress
plan-status-done = Done
plan-status-cancelled = Cancelled
plan-new-steps = New step
plan-edit-steps = Edit the step
plan-new-milestones = New milestone
plan-edit-milestones = Edit the milestone
plan-new-indicators = New indicator
plan-edit-indicators = Edit the indicator
plan-new-measurements = Record a measurement
plan-edit-measurements = Measurement
plan-new-events = Attach a follow-up event
plan-edit-events = Follow-up event
plan-field-title = Title
plan-field-owner = Carried by
plan-field-owner-text = Carried by (department, person…)
plan-field-owner-municipality = Carried by a municipality
plan-field-starts-on = Start date
plan-field-due-on = Due date
plan-field-reached-on = Reached on
plan-field-status = Status
plan-field-percent = Percent done
plan-field-weight = Weight
plan-field-name = Name
plan-field-unit = Unit
plan-field-baseline-value = Baseline value
plan-field-baseline-on = Baseline date
plan-field-target-value = Target value
plan-field-target-on = Target date
plan-field-indicator = Indicator
plan-field-measured-on = Measured on
plan-field-date = Date
plan-field-value = Value
plan-field-source = Source
plan-field-event = Event
plan-hint-owner = Name who carries the step, choose a municipality, or both.
plan-hint-percent = A whole number from 0 to 100.
plan-hint-weight = How much the step counts in the plan's progress (0 to 1000; 1 by default).
plan-hint-target = Different from the baseline; it may be below it (fewer people waiting, say).
plan-hint-source = Where the figure comes from (a register, a survey, a report).
plan-error-required = This is required.
plan-error-date = Give a date as YYYY-MM-DD.
plan-error-date-order = This date comes before the one it follows.
plan-error-number = Give a number (such as 12 or 4.5).
plan-error-percent = Give a whole number from 0 to 100.
plan-error-weight = Give a whole number from 0 to 1000.
plan-error-target-equals-baseline = The target must differ from the baseline.
plan-error-choice = Choose one of the options offered.
plan-error-too-long = This is too long.
plan-chart-desc = Baseline: { $baseline } ({ $baseline_on }) → target: { $target } ({ $target_on }); latest measurement: { $latest }
plan-error-number-grouped = Write the number without thousands separators: 1500, or 1.5 for one and a half.
plan-error-year = Give a date between the years 1900 and 2100.

## Projects
nav-projects = Projects
search-type-project = Project idea
event-projects = Project ideas from this event
projects-title = Project ideas
projects-lead = Ideas born at workshops and consultations, followed from the idea to its result, with the partnerships that carry them.
projects-count = { $count ->
    [one] One project idea
   *[other] { $count } project ideas
}
projects-none = No project idea matches.
project-new = Write down a project idea
project-edit = Edit the project idea
project-save = Save
project-form-lead = Write in one language at a time; translations are added by editing the idea in another language.
project-writing-in = Writing in
project-lead = Lead
project-status-idea = Idea
project-status-concept = Concept
project-status-partnership-formed = Partnership formed
project-status-in-implementation = In implementation
project-status-completed = Completed
project-status-dropped = Dropped
project-visibility-public = Public
project-visibility-members = Members only
project-visibility-participants = Participants only
project-partner-kind-municipality = Municipality
project-partner-kind-ngo = Civil society organisation
project-partner-kind-academia = University or research
project-partner-kind-government = Government institution
project-partner-kind-private = Private sector
partnership-status-invited = Invited
partnership-status-accepted = Partner
partnership-status-declined = Declined
partnership-status-left = Left
partner-step-invited = invited
partner-step-accepted = accepted the invitation
partner-step-declined = declined the invitation
partner-step-left = left the partnership
partner-step-removed = removed from the partnership by the lead
project-field-title = Title
project-field-problem = Problem
project-field-objectives = Objectives
project-field-activities = Proposed activities
project-field-themes = Themes
project-field-event = Event it came from
project-field-session = Session
project-field-followups = Later events where it was worked on
project-field-dilemma = Consultation it came from
project-field-lead = Lead municipality
project-field-visibility = Who may read it
project-field-programme = Programme
project-field-programme_countries = Countries the programme pairs
project-field-partners = Partners sought
project-field-status = Status
project-field-reason = Reason
project-field-municipality = Municipality
project-partner-kind = Kind of partner
project-partner-country = Country
project-partner-expertise = Expertise
project-hint-lines = One per line.
project-hint-session = Choose the event and save to choose one of its sessions.
project-hint-programme-countries = Country codes separated by commas, for example DE, TR: partnerships between municipalities of these countries can be funded.
project-hint-partners = One row per kind of partner; leave a row empty to remove it. Save to get another empty row.
project-hint-reason = Needed when the idea is dropped: say why.
project-illustrative = This idea comes from the demo: its partnerships and progress figures are illustrative.
project-dropped-because = Dropped because:
project-versions = Versions
project-partnerships = Partnerships
project-no-partners = No partner yet.
project-accept = Accept the invitation
project-decline = Decline
project-leave = Leave the partnership
project-remove = End the partnership
project-history = History
project-by = by
project-invite-which = Invite a municipality
project-invite = Invite
project-suggestions = Suggested partners
project-suggestions-hint = Municipalities of the network that could join, and why.
project-reason-practice = { $municipality } published “{ $practice }” in the same theme.
project-reason-themes = { $municipality } works on { $themes }.
project-reason-languages = { $municipality } also writes in { $languages }.
project-reason-funded = The programme funds partnerships between { $lead } and { $partner }.
project-see-practice = read the practice
project-plan = Action plan
project-plan-open = Open the action plan
project-plan-progress = { $percent } % done
project-plan-steps = { $done } of { $steps } steps done
project-plan-illustrative = The plan's progress figures are illustrative.
project-no-plan = No action plan yet.
project-start-plan = Start an action plan
project-change-status = Change the status
project-error-session = choose a session of the chosen event
project-error-partner-kind = choose the kind of each partner sought
project-error-transition = the idea cannot move to this status from where it is
project-error-reason = say why the idea is dropped
project-error-lead-partner = the lead municipality cannot be its own partner
project-error-already-partner = this municipality is already invited or a partner
project-error-no-focal-point = this municipality has no focal point on the platform to answer an invitation
project-error-no-invitation = there is no open invitation to answer
project-error-not-partner = this municipality is not a partner
mail-project-invited-subject = { $lead } invites { $municipality } to a project partnership
mail-project-invited-body = Hello,

    { $lead } invites { $municipality } to become a partner of the project idea “{ $project }”.

    As a focal point of { $municipality }, you can read the idea and accept or decline the invitation here:
    { $link }
mail-project-accepted-subject = { $municipality } accepted your invitation
mail-project-accepted-body = Hello,

    { $municipality } accepted the invitation to become a partner of the project idea “{ $project }”.

    { $link }
mail-project-declined-subject = { $municipality } declined your invitation
mail-project-declined-body = Hello,

    { $municipality } declined the invitation to become a partner of the project idea “{ $project }”.

    { $link }

## The outcomes chain: a municipality's ideas and partnerships, the network's figures, milestone calendars
municipality-projects-heading = Project ideas
municipality-partnerships-heading = Partnerships
network-projects-heading = Project ideas by status
network-projects-count = Ideas
network-partnerships-heading = Partnerships by status
network-partnership-status = Partnership
network-partnerships-count = Partnerships
network-figures-total = Total
project-milestones-ics = Milestones in your calendar (iCalendar)
project-milestones-calendar = Milestones of “{ $title }”
project-milestone-of = Milestone of the project idea “{ $title }”
project-milestone-reached = Reached on { $date }
project-milestone-open = Not reached yet
plan-milestones-ics = The milestones in your calendar (iCalendar)

## Atom feeds
feed-network = Majlis: what is new in the network
feed-practices = Majlis: good practices
feed-resources = Majlis: documents
feed-events = Majlis: events
feed-consultations = Majlis: concluded consultations

# --- What a newcomer sees (issue 20): design system, events, home page, demo, admin ---
nav-menu = Menu
nav-account = Your account
events-showing-past = No event is coming up at the moment, so these are the past events, latest first.
events-none-upcoming = No upcoming event has been announced yet.
events-see-past = See the past events
events-none = No event has been added yet.
events-clear-filters = Show all events without filters
dilemma-contributions-closed = Closed to contributions
dilemma-closed-on = closed on
consultations-clear-filters = Show all consultations
consultations-none-yet = No consultation has been opened yet.
compendiums-see-practices = Browse the good practices meanwhile
home-upcoming = Coming up
home-recent = Recently held
home-open-consultations = Consultations open for contributions
home-no-open-consultations = No consultation is taking contributions at the moment.
home-concluded-consultations = Read the concluded consultations
home-all-consultations = All consultations
home-all-events = All events
home-practices = Latest good practices
home-documents = Latest documents
home-more-upcoming = All upcoming events ({ $count })
home-more-past = All past events ({ $count })
home-more-practices = All good practices ({ $count })
home-more-documents = All documents ({ $count })
home-figure-events = Events
home-figure-practices = Good practices
home-figure-documents = Documents
home-network-link = Members and figures by country
compendium-publishing = Publishing
compendium-publish = Publish this edition
compendium-unpublish = Take it back to draft
compendium-draft-hint = Only coordinators see this edition until it is published.
compendium-published-hint = Everyone can read it and download its PDF.
invitations-title = Pending invitations
invitations-lead = Invitations sent by email and not accepted yet. Sending one again makes a new link valid for seven days; the old link stops working.
invitations-none = No invitation is waiting to be accepted.
invitations-by = Invited by
invitations-link = Link
invitations-actions = Actions
invitations-expired = Expired
invitations-valid-until = valid until
invitations-resend = Send again
invitations-revoke = Withdraw
invitations-resent = The invitation was sent again with a new link.
invitations-revoked = The invitation was withdrawn; its link no longer works.
audit-action-created = Created
audit-action-updated = Changed
audit-action-cloned = Copied from another event
audit-action-programme-changed = Programme changed
audit-action-outcomes-changed = Outcomes changed
audit-action-registered = Registered
audit-action-registered-on-behalf = Registered by staff
audit-action-cancelled = Registration cancelled
audit-action-approved = Registration approved
audit-action-declined = Registration declined
audit-action-checked-in = Checked in
audit-action-check-in-undone = Check-in undone
audit-action-consent-given = Agreed to be listed
audit-action-consent-withdrawn = No longer listed
audit-action-invited = Invited
audit-action-invitation-resent = Invitation sent again
audit-action-invitation-revoked = Invitation withdrawn
audit-action-joined = Joined by invitation
audit-action-account-created = Account created
audit-action-account-deleted = Account deleted
audit-action-role-changed = Role changed
audit-action-reactivated = Account reactivated
audit-action-deactivated = Account deactivated
audit-action-affiliation-added = Affiliation added
audit-action-affiliation-removed = Affiliation removed
audit-action-password-changed = Password changed
audit-action-password-reset = Password reset by link
audit-action-two-factor-on = Two-step sign-in turned on
audit-action-api-token-created = API token created
audit-action-api-token-revoked = API token revoked
audit-action-calendar-feed-created = Calendar address made
audit-action-municipality-created = Municipality added
audit-action-profile-edited = Profile changed
audit-action-organisation-created = Organisation added
audit-action-organisation-edited = Organisation changed
audit-action-resource-created = Document added
audit-action-resource-updated = Document changed
audit-action-resource-deleted = Document deleted
audit-action-resource-version-added = Language version added
audit-action-practice-saved = Practice saved
audit-action-practice-deleted = Practice deleted
audit-action-practice-attachment-added = File attached to a practice
audit-action-practice-submitted = Practice submitted for review
audit-action-practice-review-started = Review started
audit-action-practice-changes-requested = Changes requested
audit-action-practice-published = Practice published
audit-action-practice-archived = Practice archived
audit-action-practice-comment = Review comment
audit-action-compendium-created = Compendium created
audit-action-compendium-described = Compendium description changed
audit-action-compendium-arranged = Compendium chapters arranged
audit-action-compendium-published = Compendium published
audit-action-compendium-unpublished = Compendium taken back to draft
audit-action-compendium-deleted = Compendium deleted
audit-action-dilemma-create = Consultation written
audit-action-dilemma-open = Consultation opened
audit-action-dilemma-invite = Peer invited to a consultation
audit-action-dilemma-conclude = Consultation concluded
audit-action-dilemma-archive = Consultation archived
audit-action-dilemma-queue = Consultation put on a clinic's agenda
audit-action-dilemma-joint = Consultations discussed together
audit-action-contribution-create = Contribution posted
audit-action-contribution-answer = Question answered
audit-action-contribution-helped = Marked as helpful
audit-action-contribution-not-helped = No longer marked as helpful
audit-action-contribution-hide = Contribution hidden by a moderator
audit-action-contribution-restore = Contribution shown again
audit-action-clinic-publish = Clinic report published
audit-action-clinic-withdraw = Clinic report withdrawn
audit-action-clinic-wrapup = Wrap-up written
audit-action-signup-request = Asked to join
audit-action-signup-approve = Request to join approved
audit-action-signup-decline = Request to join declined
audit-action-signup-discard = Request to join discarded
audit-action-survey-create = Survey created
audit-action-survey-form = Survey form uploaded
audit-action-survey-campaign = Survey campaign changed
audit-action-survey-link = Personal survey links made
audit-action-survey-remind = Survey reminders sent
audit-action-survey-submit = Survey answers submitted
audit-action-plan-created = Action plan created
audit-action-project-saved = Project idea saved
audit-action-project-status = Project idea status changed
audit-object-kind-event = Event
audit-object-kind-practice = Practice
audit-object-kind-resource = Document
audit-object-kind-compendium = Compendium
audit-object-kind-dilemma = Consultation
audit-object-kind-contribution = Contribution
audit-object-kind-clinic = Clinic
audit-object-kind-municipality = Municipality
audit-object-kind-organisation = Organisation
audit-object-kind-person = Person
audit-object-kind-invitation = Invitation
audit-object-kind-registration = Registration
audit-object-kind-project = Project idea
audit-object-kind-plan = Action plan
audit-object-kind-survey = Survey
audit-object-kind-api-token = API token
audit-object-kind-signup_request = Request to join
audit-detail = Details
audit-object-history = Everything recorded about
# The API described (/api/docs) and open data downloads
api-docs-title = The Majlis API
api-docs-lead = Everything the network publishes can be read by programs too: lists and single items as JSON, with the same filters as the pages.
api-docs-machine-readable = The same description, machine-readable:
api-docs-in-english = The technical descriptions below are in English.
api-docs-contents = Contents
api-docs-schemas = Data structures
api-docs-needs-token = Needs a personal API token (Authorization: Bearer).
api-docs-token-optional = Open to everyone; with a personal API token it also shows what its owner may see.
api-docs-parameters = Parameters
api-docs-name = Name
api-docs-where = Where
api-docs-type = Type
api-docs-required = Required
api-docs-description = Description
api-docs-yes = yes
api-docs-no = no
api-docs-request-body = Request body
api-docs-responses = Responses
api-docs-status = Status
api-docs-body = Body
api-docs-headers = Headers
api-docs-field = Field
api-docs-always = Always present
open-data-source = Source
open-data-licence-text = Licence text
open-data-language = Language
open-data-about-sheet = about
open-data-col-id = ID
open-data-col-slug = Short name
open-data-col-name = Name
open-data-col-kind = Kind
open-data-col-country-code = Country code
open-data-col-country-name = Country
open-data-col-country = Country
open-data-col-region = Region
open-data-col-population = Population
open-data-col-population-year = Population year
open-data-col-refugees-hosted = Refugees hosted
open-data-col-refugees-year = Refugees year
open-data-col-member-since = Member since
open-data-col-themes = Themes
open-data-col-url = Address
open-data-col-acronym = Acronym
open-data-col-website = Website
open-data-col-title = Title
open-data-col-title-lang = Title language
open-data-col-original-language = Original language
open-data-col-summary = Summary
open-data-col-owner = Owner
open-data-col-year = Year
open-data-col-status = Status
open-data-col-languages = Languages
open-data-col-starts-at = Starts
open-data-col-ends-at = Ends
open-data-col-timezone = Time zone
open-data-col-city = City
open-data-col-online = Online
open-data-col-capacity = Places
open-data-col-question = Question
open-data-col-question-lang = Question language
open-data-col-presenter = Presented by
open-data-col-event = Event
open-data-col-opens-at = Opens
open-data-col-closes-at = Closes
open-data-col-licence = Licence
# Social-cohesion self-assessment (cohesion/)
cohesion-title = Social-cohesion self-assessment
cohesion-link = Social-cohesion self-assessment
cohesion-missing = not enough answers
cohesion-index = Cohesion index
cohesion-peers = Compare with peers
cohesion-peers-all = the whole network
cohesion-peers-country = municipalities in the same country
cohesion-peers-population = municipalities of similar size
cohesion-peers-refugees = municipalities with a similar share of refugees
cohesion-compare-with = Peers
cohesion-compare = Compare
cohesion-benchmark-too-few = Hidden: fewer than { $needed } comparable peers
cohesion-benchmark-unknown-group = Hidden: the municipality's profile lacks the figure this comparison needs
cohesion-benchmark-earlier-wave = Peers are compared on the latest wave only
cohesion-radar-title = Domains of social cohesion
cohesion-radar-desc = The municipality's score in each domain, from 0 to 100; the dashed line is the network's median where it is shown. The same figures are in the table below.
cohesion-trend-title = Cohesion index across waves
cohesion-trend-desc = The index of each wave, from 0 to 100; hollow points were measured with a different framework version. The same figures are in the table below.
cohesion-rule-missing = Missing answers: a respondent counts for an indicator when the items they answered carry at least half of its weight; a domain and the index need scores for at least half of their weight. "Don't know" is not scored. A figure resting on fewer than { $base } respondents is not shown.
cohesion-rule-benchmark = The network's median and interquartile range are shown only when at least { $needed } comparable peers qualify (their latest wave, measured the same way).
cohesion-rule-scores = Every answer is turned into a score from 0 to 100 (statements where agreeing is bad for cohesion are turned round). An indicator is the weighted mean of its items, a domain of its indicators, the index of its domains. "Favourable" is the share of answers on the side good for cohesion; "agree" is the raw share agreeing, as tension monitoring reports it.
cohesion-rule-privacy = Residents' answers are never shown: only totals, to the municipality and the network's coordinators, and here once the municipality publishes its dashboard.
cohesion-synthetic = Synthetic data: these waves were made up for the demo; they are not real residents' answers.
cohesion-not-published = Not published: only the municipality's focal points and the network's coordinators see this dashboard.
cohesion-wave = Wave
cohesion-weighted = weighted by strata
cohesion-left-out = { $n } respondents outside the weighted strata left out
cohesion-favourable = Favourable
cohesion-network-median = Network median
cohesion-iqr = Interquartile range
cohesion-not-comparable = Not comparable with the other waves: measured with a framework version whose items changed.
cohesion-domains = Domains
cohesion-domain = Domain
cohesion-score = Score
cohesion-peer-count = Peers
cohesion-indicators = Indicators
cohesion-indicator = Indicator
cohesion-trend = Trend across waves
cohesion-no-waves = No wave has been scored yet.
cohesion-fielded = Fieldwork ended
cohesion-framework = Framework
cohesion-items = Items and their instruments
cohesion-item = Item
cohesion-agree = Agree
cohesion-instrument = Instrument
cohesion-reversed = reversed
cohesion-named-peers = Peers who share their index by name
cohesion-how = How the figures are made
cohesion-choices = Publishing
cohesion-publish = Publish this dashboard (anyone may read it)
cohesion-by-name = Show our index to peers by name (otherwise only inside the anonymous benchmark)
cohesion-save = Save
cohesion-link-index = Cohesion index: { $score } / 100 (wave { $wave })
cohesion-synthetic-short = synthetic data
## Following and notifications
nav-notifications = Notifications
nav-notifications-unread = Notifications ({ $count } unread)
follow-theme = Follow this theme
unfollow-theme = Stop following this theme
follow-municipality = Follow this municipality
unfollow-municipality = Stop following this municipality
follow-organisation = Follow this organisation
unfollow-organisation = Stop following this organisation
follow-series = Follow this event series
unfollow-series = Stop following this event series
follow-event = Follow this event
unfollow-event = Stop following this event
follow-dilemma = Follow this consultation
unfollow-dilemma = Stop following this consultation
follow-practice = Follow this practice
unfollow-practice = Stop following this practice
following-title = What I follow
following-lead = You hear about what you follow in your notifications, and by email as you choose. Registering for an event, contributing to a consultation, presenting a dilemma or owning a practice follows it for you; stop following whenever you like.
following-none = You follow nothing yet. Use the “Follow” buttons on the pages of municipalities, organisations, events, consultations and practices, or choose themes below.
following-all-themes = Themes
following-kind-theme = Themes
following-kind-municipality = Municipalities
following-kind-organisation = Organisations
following-kind-series = Event series
following-kind-event = Events
following-kind-dilemma = Consultations
following-kind-practice = Practices
notifications-title = Notifications
notifications-none = No notifications yet. Follow themes, municipalities, events or consultations to hear about them here.
notifications-mark-read = Mark all as read
notifications-new = New:
notice-practice-new =
    { $count ->
        [one] A new practice
       *[other] { $count } new practices
    } { $on ->
        [theme] on { $via }
        [series] in { $via }
        [municipality] from { $via }
        [organisation] from { $via }
       *[other] { "" }
    }
notice-resource-new =
    { $count ->
        [one] A new document
       *[other] { $count } new documents
    } { $on ->
        [theme] on { $via }
        [series] in { $via }
        [municipality] from { $via }
        [organisation] from { $via }
       *[other] { "" }
    }
notice-event-new =
    { $count ->
        [one] A new event
       *[other] { $count } new events
    } { $on ->
        [theme] on { $via }
        [series] in { $via }
        [municipality] from { $via }
        [organisation] from { $via }
       *[other] { "" }
    }
notice-dilemma-new =
    { $count ->
        [one] A new consultation
       *[other] { $count } new consultations
    } { $on ->
        [theme] on { $via }
        [series] in { $via }
        [municipality] from { $via }
        [organisation] from { $via }
       *[other] { "" }
    }
notice-practice-changed = The practice “{ $title }” was updated
notice-event-changed = The event “{ $title }” changed
notice-dilemma-changed = New activity in the consultation “{ $title }”
notice-kind-practice-new = New practices on what I follow
notice-kind-practice-changed = Changes to practices I follow
notice-kind-resource-new = New documents on what I follow
notice-kind-event-new = New events on what I follow
notice-kind-event-changed = Changes to events I follow
notice-kind-dilemma-new = New consultations on what I follow
notice-kind-dilemma-changed = Activity in consultations I follow
notice-project-new =
    { $count ->
        [one] A new project idea
       *[other] { $count } new project ideas
    } { $on ->
        [theme] on { $via }
        [municipality] from { $via }
       *[other] { "" }
    }
notice-survey-new =
    { $count ->
        [one] A survey opened
       *[other] { $count } surveys opened
    } { $on ->
        [municipality] for { $via }
       *[other] { "" }
    }
notice-cohesion-published = { $via } published its social-cohesion self-assessment
notice-kind-project-new = New project ideas on what I follow
notice-kind-survey-new = Surveys opened for municipalities I follow
notice-kind-cohesion-published = Cohesion dashboards published by municipalities I follow
notice-delivery-now = At once
notice-delivery-daily = Daily digest
notice-delivery-weekly = Weekly digest
notice-delivery-never = Never by email
notice-settings-title = Email notifications
notice-settings-lead = Everything you follow appears in your notifications. Choose for each kind whether it also reaches you by email: at once, in one message a day or a week, or never. Digests are sent in the morning (06:00 UTC; weekly ones on Mondays), and only when there is something to tell.
notice-settings-saved = Your choices are saved.
notice-settings-invalid = Some choices were missing. Nothing was saved: choose one option for each kind.
notice-settings-choose = Choose one option.
notice-settings-save = Save my choices
unsubscribe-title = Stop these emails
unsubscribe-lead = This stops the emails about the following. Your notifications on the site, your other choices and your account stay as they are.
unsubscribe-done = Done: you will no longer receive emails about the following.
unsubscribe-confirm = Stop these emails
unsubscribe-settings = You can change this again at any time, once signed in:
mail-notice-intro = Here is what is new in what you follow on Majlis.
mail-notice-footer =
    Choose what reaches you by email, and how often: { $settings }

    Stop emails about { $kinds }: { $unsubscribe }
mail-notice-subject-now =
    { $count ->
        [one] Majlis: a new notification
       *[other] Majlis: { $count } new notifications
    }
mail-notice-subject-daily = Your daily Majlis digest ({ $count })
mail-notice-subject-weekly = Your weekly Majlis digest ({ $count })
imported-from = From { $network }

## Plans aimed at cohesion indicators
cohesion-plan-title = Plan aimed at an indicator
cohesion-plan-column = Plan
cohesion-plan-open = Open the plan
cohesion-plan-start = Start a plan
cohesion-plan-start-button = Start the plan
cohesion-plan-status = Status
cohesion-plan-status-met = Target met
cohesion-plan-status-not-yet-met = Not yet met
cohesion-plan-status-not-met = Not met: the target date has passed
cohesion-plan-status-not-comparable = Not comparable: the indicator's items changed
cohesion-plan-status-not-measured = Not measured yet
cohesion-plan-baseline = Baseline
cohesion-plan-target = Target (0–100)
cohesion-plan-target-hint = The score the indicator should reach, from 0 to 100.
cohesion-plan-target-on = Target date
cohesion-plan-field-title = Title (optional)
cohesion-plan-measures = Measured by each wave
cohesion-plan-no-measure = No later wave has measured it yet.
cohesion-plan-open-steps = Steps, milestones and follow-up of the plan
cohesion-plan-share = Share as a practice
cohesion-plan-share-hint = This creates a draft practice in the library, filled in from this plan, for you to complete and submit.
cohesion-plan-open-practice = Open the draft practice
cohesion-plan-default-title = Plan: { $indicator }
cohesion-plan-error-required = This is required.
cohesion-plan-error-target = Give a number from 0 to 100.
cohesion-plan-error-date = Give a date as YYYY-MM-DD.
cohesion-plan-error-title = At most 200 characters.
cohesion-plan-error-no-score = This indicator has no score in the latest wave (too few answers).
cohesion-plan-error-target-equals-baseline = The target must differ from the baseline.
cohesion-plan-error-date-before = The target date must come after the baseline wave.
cohesion-plan-practice-summary = { $municipality } set out to improve the social-cohesion indicator “{ $indicator }”: from { $baseline } to { $result } out of 100 in its resident perception survey.
cohesion-plan-practice-results = { $indicator }: { $baseline } / 100 ({ $first }) → { $result } / 100 ({ $last }); target { $target }.
audit-action-cohesion-plan-started = Cohesion plan started
audit-action-cohesion-plan-shared = Cohesion plan shared as a practice
cohesion-pdf = The dashboard as PDF
cohesion-fw-title = Social-cohesion frameworks
cohesion-fw-lead = Each framework is versioned: domains, indicators and the survey items that measure them. A new version whose items change makes those indicators not comparable across versions.
cohesion-fw-saved = The framework was saved as a new version.
cohesion-fw-new = Add a framework version
cohesion-fw-none = No framework yet.
cohesion-fw-versions = Frameworks and their versions
cohesion-fw-slug = Short name
cohesion-fw-version = Version
cohesion-fw-item-count = Items
cohesion-fw-new-lead = Paste a framework file (TOML, written like the framework the network ships) or upload it, check the preview, then save it as a new version.
cohesion-fw-refused = The framework file cannot be taken; nothing was saved.
cohesion-fw-preview = Preview
cohesion-fw-compared = Compared with version { $previous }.
cohesion-fw-changed-count = { $n ->
    [0] No indicator changed.
    [one] One indicator changed: its scores will not be comparable across the versions.
   *[other] { $n } indicators changed: their scores will not be comparable across the versions.
}
cohesion-fw-first = The first version of this framework.
cohesion-fw-weight = weight
cohesion-fw-change-new = new
cohesion-fw-change-changed = changed: not comparable with the previous version
cohesion-fw-change-same = unchanged
cohesion-fw-question = Question
cohesion-fw-direction = Direction
cohesion-fw-direction-higher = agreeing is good
cohesion-fw-direction-lower = agreeing is bad (reversed)
cohesion-fw-scale = Scale
cohesion-fw-removed = Indicators no longer in the framework
cohesion-fw-source = Framework file (TOML)
cohesion-fw-source-hint = The file's text; an uploaded file takes its place.
cohesion-fw-file = Or upload the file
cohesion-fw-file-hint = A .toml file of at most { $kb } kB.
cohesion-fw-preview-button = Preview
cohesion-fw-save-button = Save as a new version
cohesion-fw-error-no-file = Paste or upload a framework file.
cohesion-fw-error-too-large = The file is too large.
cohesion-fw-error-not-text = The file is not text (UTF-8).
cohesion-fw-error-missing = Line { $line }: “{ $field }” is missing.
cohesion-fw-error-unknown = Line { $line }: “{ $field }” is not a field of a framework file.
cohesion-fw-error-value = Line { $line }: the value of “{ $field }” is not valid.
cohesion-fw-error-syntax = Line { $line }: this is not valid TOML (near “{ $field }”).
cohesion-fw-error-name = Line { $line }: “{ $field }” may use only a–z, 0–9 and _ (1 to 60 characters, starting with a letter).
cohesion-fw-error-duplicate = Line { $line }: “{ $field }” is used twice.
cohesion-fw-error-weight = Line { $line }: the weight of “{ $field }” must be a positive number.
cohesion-fw-error-empty = Line { $line }: “{ $field }” has nothing in it.
cohesion-fw-error-slug = Line { $line }: “slug” may use only a–z, 0–9 and - (starting with a letter).
cohesion-fw-error-scale = Line { $line }: the scale “{ $field }” has no choices in the file.
cohesion-fw-error-questionnaire = The questionnaire built from the framework cannot be read: { $field }
cohesion-fw-error-version = Line { $line }: “version” must be greater than { $latest }, the latest saved version of this framework.
audit-action-cohesion-framework = Cohesion framework version added
cohesion-waves-link = Waves: start and score
cohesion-waves-title = Waves of the resident perception survey
cohesion-waves-lead = A wave opens a campaign of the framework's resident perception survey for the municipality; residents answer through personal links. Once enough answers are in, score the wave: its figures go to the dashboard. Scoring again replaces them.
cohesion-wave-started = The wave was started: its campaign is open.
cohesion-wave-scored = The wave was scored.
cohesion-waves-list = Waves
cohesion-waves-none = No wave yet.
cohesion-wave-status = Status
cohesion-wave-last-day = Last day of fieldwork
cohesion-wave-so-far = Answers so far
cohesion-wave-planned = Planned sample
cohesion-wave-scores = Scores
cohesion-wave-status-collecting = collecting answers
cohesion-wave-status-closed = closed
cohesion-wave-status-no-campaign = no campaign
cohesion-wave-campaign = the campaign
cohesion-wave-not-scored = not scored yet
cohesion-wave-score = Score the wave
cohesion-wave-rescore = Score again
cohesion-wave-scored-n = scored, n = { $n }
cohesion-wave-score-hint = Scoring reads the submitted answers; scoring again replaces the wave's figures, and the plans aimed at its indicators are measured again.
cohesion-wave-start = Start a wave
cohesion-wave-start-lead = The campaign opens now and closes after its last day. Give the planned sample and, if you have them, the planned respondents and the share of the population of each group; with shares, results are weighted by group.
cohesion-wave-label = Name of the wave
cohesion-wave-label-hint = As the municipality calls it, for example “2026 spring”.
cohesion-wave-strata = Groups of respondents (strata)
cohesion-wave-strata-hint = All optional. Shares of the population are percentages; give them for every group whose answers should count.
cohesion-wave-stratum-planned = planned respondents
cohesion-wave-stratum-weight = share of the population (%)
cohesion-wave-start-button = Start the wave
cohesion-wave-error-framework = Choose a framework.
cohesion-wave-error-label = Give the wave a name (at most 80 characters).
cohesion-wave-error-closes = Give the last day as YYYY-MM-DD, from today to two years ahead.
cohesion-wave-error-planned = Give the planned sample as a whole number from 1 to 1,000,000.
cohesion-wave-error-strata = Give planned respondents as whole numbers.
cohesion-wave-error-strata-sum = The groups' planned respondents add up to more than the planned sample.
cohesion-wave-error-weight = Give each share as a percentage from 0 to 100.
cohesion-wave-error-weight-sum = The shares of the population add up to more than 100 % (or to nothing).
cohesion-wave-survey-title = Resident perception survey, { $municipality }, { $wave }
cohesion-wave-survey-description = Social-cohesion self-assessment of { $municipality }: how residents, hosts and refugees, see relations, the municipality, services, safety and belonging. The answers are anonymous: only totals are shown.
audit-action-cohesion-wave-started = Cohesion wave started
audit-action-cohesion-wave-scored = Cohesion wave scored
cohesion-wave-links = Personal links for residents
cohesion-wave-links-lead = Each resident gets their own link by email: one response per link, without an account. Only totals are ever shown.
cohesion-wave-link-sent = The link was sent.
cohesion-wave-link-name = Resident's name
cohesion-wave-link-email = Resident's email address
cohesion-wave-link-locale = Language of the invitation
cohesion-wave-link-send = Send the link
cohesion-wave-error-link-closed = Choose a wave whose campaign is collecting answers.
cohesion-links-list = Many residents at once
cohesion-links-list-lead = Paste the residents to invite, one a line, at most { $max } lines. Each gets their own link by email, in the language chosen below.
cohesion-links-list-format = One resident a line: amal@example.org, or Amal Haddad <amal@example.org>, or Amal Haddad, amal@example.org. The resident's stratum may follow after a comma: Amal Haddad, amal@example.org, refugee.
cohesion-links-list-duplicates = If any line is wrong, no link is sent and every wrong line is named by its number. An address that appears twice in the list, or that already has a link for this wave, is skipped: each address gets one link, so one response.
cohesion-links-list-strata = Strata you may give:
cohesion-links-list-text = Residents, one a line
cohesion-links-list-send = Send the links
cohesion-links-list-refused = Nothing was sent. Correct these lines and send the list again:
cohesion-links-line = Line { $line }: { $problem }
cohesion-links-error-format = write an address, a name and an address, or a name, an address and a stratum.
cohesion-links-error-email = this is not an email address.
cohesion-links-error-name = the name is longer than 200 characters.
cohesion-links-error-no-strata = this wave's framework has no strata: leave the stratum out.
cohesion-links-error-stratum = unknown stratum; use one of: { $strata }.
cohesion-links-error-empty = Paste at least one resident.
cohesion-links-error-too-many = The list has more than { $max } lines: send it in parts.
cohesion-links-sent = { $n ->
    [one] One link sent.
   *[other] { $n } links sent.
}
cohesion-links-skipped-repeated = Skipped, repeated earlier in the list: lines { $lines }.
cohesion-links-skipped-already = Skipped, already given a link for this wave: lines { $lines }.
cohesion-municipal-survey-title = Municipal questionnaire: { $municipality }, { $wave }
cohesion-municipal-survey-description = The municipality's policies, services and data for social cohesion, answered by its focal point once a wave.
cohesion-municipal-title = Municipal questionnaire
cohesion-municipal-lead = Each wave also asks the municipality itself about its policies, services and data. Its focal point answers once a wave and may attach documents that show an answer.
cohesion-municipal-answered = Answered
cohesion-municipal-not-answered = Not answered yet
cohesion-municipal-answer = Open the questionnaire
cohesion-evidence-private = Documents are seen only by the municipality's people and the network's coordinators, never by other municipalities or the public.
cohesion-evidence-attached = The document was attached.
cohesion-evidence-none = No documents attached yet.
cohesion-evidence-about = What it shows
cohesion-evidence-whole = The whole response
cohesion-evidence-file = Document
cohesion-evidence-attach = Attach the document
cohesion-evidence-limits = PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG, at most { $mb } MB each; at most { $max } documents a wave.
cohesion-evidence-error-none = Choose a document to attach.
cohesion-evidence-error-question = Choose a question of the questionnaire, or the whole response.
cohesion-evidence-error-kind = Attach a document: PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG.
cohesion-evidence-error-mismatch = The file's content is not what its name says (its extension names another type). Rename it or choose the right file.
cohesion-evidence-error-many = This wave already holds as many documents as it may.
cohesion-evidence-remove = Remove
cohesion-evidence-removed = The document was removed.
audit-action-cohesion-evidence-attached = Evidence document attached
audit-action-cohesion-evidence-removed = Evidence document removed
cohesion-strata-title = Personal links per stratum
cohesion-strata-lead = For each wave whose sampling plan names strata: the respondents planned in each stratum, the personal links sent for it (a pasted list gives each line's stratum) and how many of those links were answered.
cohesion-stratum = Stratum
cohesion-strata-planned = Planned respondents
cohesion-strata-sent = Links sent
cohesion-strata-answered = Answered
cohesion-stratum-none = No stratum given
cohesion-municipal-dashboard = Municipal policies and services
cohesion-municipal-dashboard-lead = The municipality's own answers to the latest wave's municipal questionnaire about its policies, services and data.
cohesion-municipal-question = Question
cohesion-municipal-answer-column = Answer
cohesion-municipal-documents = Documents
cohesion-municipal-unanswered = Not answered
cohesion-municipal-no-score = No question answered
cohesion-municipal-answered-n = { $n ->
    [one] 1 question answered
   *[other] { $n } questions answered
}
cohesion-municipal-unanswered-n = { $n ->
    [one] 1 question not answered
   *[other] { $n } questions not answered
}
cohesion-municipal-whole-n = Documents attached to the whole response: { $n }
cohesion-municipal-not-submitted = The municipality has not submitted its answers for this wave.
cohesion-municipal-rule = Each answer scores yes 100, partly 50 and no 0. A section's score is the mean of its answered questions, the questionnaire's the mean of all its answered questions; questions not answered are left out of the scores and counted.
cohesion-municipal-documents-private = The documents themselves are seen only by the municipality's people and the network's coordinators; here only their number is shown.

## Pictures and charts: the member map, charts of counts, a municipality's position
network-map = Members on the map
network-map-source = Borders: Natural Earth (public domain). Each point is a member municipality; the table lists them all.
network-map-places = { $count ->
    [one] One municipality on the map
   *[other] { $count } municipalities on the map
}
column-municipality = Municipality
network-chart-members = Member municipalities by country
network-chart-refugees = Refugees hosted, by country
network-refugees-none = No member municipality has reported a refugee figure yet, so there is no chart: a bar of 0 would wrongly say that none are hosted.
network-refugees-unreported = { $count ->
    [one] One country has no reported figure and so no bar.
   *[other] { $count } countries have no reported figure and so no bar.
}
chart-table-beside = The same figures are in the table beside the chart.
edit-position = Position on the map
edit-position-hint = Decimal degrees, for example 37.0662 and 37.3833; south and west are negative. Leave both empty to keep it off the map.
edit-latitude = Latitude
edit-longitude = Longitude
edit-error-latitude = Give a latitude from -90 to 90 in decimal degrees, or leave both coordinates empty.
edit-error-longitude = Give a longitude from -180 to 180 in decimal degrees, or leave both coordinates empty.
picture-title = Photos
picture-none = No photos yet.
picture-manage = Add or remove photos
picture-add = Add a photo
picture-added = The photo was added.
picture-deleted = The photo was deleted.
picture-delete = Delete
picture-file = Photo
picture-file-hint = JPEG, PNG or WebP, at most { $size } MB. It is shown reduced to at most 640 pixels on a side.
picture-alt = Description of the photo (alt text)
picture-alt-hint = Say what the photo shows, for people who cannot see it. Required in the language you write it in; translations are optional.
picture-alt-orig = Written in
picture-upload = Upload the photo
picture-error-none = Choose a photo to upload.
picture-error-kind = This file is not a JPEG, PNG or WebP picture.
picture-error-unreadable = This picture cannot be read; it may be damaged.
picture-error-many = This already holds as many photos as it may (12).
picture-error-alt = Describe the photo in the language you chose under “Written in”.
picture-error-alt-long = Each description may be at most 300 characters long.
audit-action-picture-added = Photo added
audit-action-picture-deleted = Photo deleted

## Languages, dates and time zones
event-your-time = In your time zone:
time-zone-title = Time zone
time-zone-lead = Event pages show times in the venue's time zone. Choose yours to see them in your own time as well.
time-zone-field = Your time zone
time-zone-hint = A place name of the time zone database, such as Europe/Istanbul or Asia/Beirut. Leave empty to see venue times only.
time-zone-saved = Your time zone is saved.
time-zone-unknown = This is not a time zone of the list. Choose one such as Europe/Berlin, or leave the field empty.
time-zone-none = not chosen (venue times only)
countries-network = Countries of the network
countries-other = Other countries
demo-stand-in-heading = About this file
demo-stand-in-text = This file stands in for the original document in the Majlis demo network. The source documents of the demo name this document in this language but do not include it, so this page was made when the demo was loaded, so that reading and downloading can be tried.
demo-stand-in-footer = Majlis demo network · stand-in file, not the original document
