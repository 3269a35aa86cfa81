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
field-population_year = year of the population figure
field-refugees = refugees hosted
field-refugees_year = year of the refugee figure
field-themes = themes
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
