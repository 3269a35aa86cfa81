# Meldungen der Benutzeroberfläche von Majlis (Deutsch).
# Every id here exists in ar, tr, fr and de too; a test checks it.

site-tagline = Peer-Learning für aufnehmende Kommunen
skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-languages = Sprache
nav-home = Startseite
nav-municipalities = Kommunen
nav-organisations = Organisationen
nav-network = Das Netzwerk
footer-about = Majlis ist die gemeinsame Plattform eines Peer-Learning-Netzwerks von Kommunen, die Geflüchtete und Zugewanderte aufnehmen.
footer-api = Offene Daten (JSON-API)
breadcrumbs = Brotkrümelnavigation

language-en = Englisch
language-ar = Arabisch
language-tr = Türkisch
language-fr = Französisch
language-de = Deutsch
shown-in = angezeigt auf { $language }

home-title = Kommunen lernen voneinander
home-lead = Die Mitgliedskommunen und ihre Partner teilen, was sich bei der Aufnahme von Geflüchteten bewährt: gute Praxis, Workshops, Konsultationen und Umfragen – auf Arabisch, Türkisch, Englisch, Französisch und Deutsch.
home-figures = Das Netzwerk in Zahlen
home-explore = Entdecken
home-municipalities-text = Die Mitgliedskommunen mit ihren Zahlen, Themen und Ansprechpersonen.
home-organisations-text = Entwicklungsagenturen, Städtenetzwerke, NRO und Hochschulen, die mit den Mitgliedern zusammenarbeiten.
home-network-text = Mitglieder nach Ländern, mit den Zahlen, die das Netzwerk ausweist.

figure-municipalities = Kommunen
figure-countries = Länder
figure-organisations = Partnerorganisationen
figure-themes = Themen
figure-refugees = Aufgenommene Geflüchtete

filter-country = Land
filter-theme = Thema
filter-kind = Art
filter-all = Alle
filter-apply = Anzeigen
result-count = { $count ->
    [0] Keine Ergebnisse
    [one] Ein Ergebnis
   *[other] { $count } Ergebnisse
}
themes-label = Themen
pager-label = Seiten
pager-previous = Vorherige Seite
pager-next = Nächste Seite
pager-position = Seite { $page }

municipalities-title = Mitgliedskommunen
municipalities-lead = Kommunen, Landkreise und Kommunalverbände, die sich am Netzwerk beteiligen.
municipalities-empty = Keine Kommune entspricht diesen Filtern.
refugees-hosted = Aufgenommene Geflüchtete: { $count }
municipality-profile = Profil
municipality-facts = Eckdaten
fact-population = Einwohnerzahl
fact-refugees = Aufgenommene Geflüchtete
fact-member-since = Mitglied seit
fact-figures = Zahlen
fact-none = nicht gemeldet
themes-of-interest = Themenschwerpunkte
focal-points = Ansprechpersonen
focal-points-none = Noch keine Ansprechperson eingetragen.

organisations-title = Partnerorganisationen
organisations-lead = Organisationen, die die Mitgliedskommunen unterstützen und sich an den Aktivitäten des Netzwerks beteiligen.
organisations-empty = Keine Organisation entspricht diesen Filtern.
organisation-website = Website

network-title = Das Netzwerk
network-lead = Wo die Mitglieder und Partner des Netzwerks sind und was sie melden.
network-by-country = Mitglieder und Partner nach Ländern
network-refugees-note = Die Zahlen zu Geflüchteten sind die Summe der Angaben der Mitgliedskommunen; die meisten haben noch keine Zahl gemeldet.
network-figures-from = { $count ->
    [one] Angaben einer Kommune
   *[other] Angaben von { $count } Kommunen
}
column-country = Land

municipality-kind-municipality = Kommune
municipality-kind-metropolitan-municipality = Großstadtkommune
municipality-kind-district-municipality = Bezirkskommune
municipality-kind-union-of-municipalities = Kommunalverband
municipality-kind-district = Landkreis
municipality-kind-city-district = Stadtbezirk

organisation-kind-development-agency = Entwicklungsagentur
organisation-kind-city-network = Städtenetzwerk
organisation-kind-ngo = NRO
organisation-kind-university = Universität oder Hochschule
organisation-kind-ministry = Ministerium
organisation-kind-union-of-municipalities = Kommunalverband
organisation-kind-international-organisation = Internationale Organisation
organisation-kind-research-institute = Forschungsinstitut
organisation-kind-government-agency = Staatliche Behörde
organisation-kind-foundation = Stiftung
organisation-kind-private-sector = Privatwirtschaft
organisation-kind-consultancy = Beratungsunternehmen

field-page = Seitenzahl
field-per_page = Anzahl pro Seite
field-country = Land
field-theme = Thema
field-kind = Art
field-members = Mitglieder

error-status = Fehler { $status }
error-back-home = Zurück zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found = Unter dieser Adresse gibt es nichts. Die Seite wurde vielleicht verschoben, oder der Link enthält einen Tippfehler.
error-bad-request-title = Diese Anfrage konnte nicht verstanden werden
error-bad-request = Ein Teil der Adresse konnte nicht verstanden werden. Bitte prüfen Sie sie und versuchen Sie es erneut.
error-bad-request-field = Der Wert für „{ $field }“ ist ungültig. Bitte prüfen Sie ihn und versuchen Sie es erneut.
error-method-not-allowed-title = Nicht zulässig
error-method-not-allowed = Diese Adresse akzeptiert diese Art von Anfrage nicht.
error-internal-title = Etwas ist schiefgelaufen
error-internal = Bei uns ist ein Fehler aufgetreten. Er wurde protokolliert; bitte versuchen Sie es gleich noch einmal.

nav-sign-in = Anmelden
nav-sign-out = Abmelden
login-title = Anmelden
login-lead = Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Majlis-Kontos an.
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-failed = Die E-Mail-Adresse oder das Passwort ist falsch.
login-deactivated = Dieses Konto wurde deaktiviert. Wenn Sie es wieder benötigen, wenden Sie sich an die Koordination des Netzwerks.
login-too-many = Zu viele Anmeldeversuche. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} erneut.
login-signed-out = Sie sind abgemeldet.
account-title = Mein Konto
account-name = Name
account-role = Rolle
account-sessions = Wo Sie angemeldet sind
account-session-device = Adresse und Browser
account-session-current = dieser Browser
account-session-started = Angemeldet am
account-session-last-seen = Zuletzt aktiv
account-sign-out-everywhere = Überall abmelden
role-admin = Administration
role-coordinator = Koordination
role-member = Mitglied
role-expert = Fachperson
field-form = Formular
error-sign-in-required-title = Bitte melden Sie sich an
error-sign-in-required = Diese Seite ist angemeldeten Mitgliedern vorbehalten. Melden Sie sich an, um fortzufahren.
error-forbidden-title = Keine Berechtigung
error-forbidden = Dazu sind Sie nicht berechtigt.
error-csrf-title = Dieses Formular ist abgelaufen
error-csrf = Dieses Formular ist abgelaufen oder wurde von einer anderen Website gesendet. Bitte laden Sie die Seite neu und versuchen Sie es erneut.
error-too-many-requests-title = Zu viele Versuche
error-too-many-requests = Zu viele Versuche in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.
nav-people = Personen
people-title = Personen
people-lead = Alle Personen mit einem Konto. Wer ein Konto deaktiviert, meldet es sofort überall ab.
people-status = Status
people-active = Aktiv
people-inactive = Deaktiviert
people-role-of = Rolle von { $name }
people-change-role = Rolle ändern
people-deactivate = Deaktivieren
people-reactivate = Wieder aktivieren
people-updated = Die Änderung ist gespeichert.
field-role = Rolle
field-active = Status
people-invite = Jemanden einladen
invite-title = Jemanden einladen
invite-lead = Die Person erhält einen Link per E-Mail. Er funktioniert nur einmal und ist sieben Tage lang gültig.
invite-email = E-Mail-Adresse
invite-role = Rolle
invite-municipality = Kommune
invite-municipality-none = Keine
invite-focal-point = Ansprechperson dieser Kommune (handelt in ihrem Namen)
invite-locale = Sprache der Nachricht
invite-submit = Einladung senden
invite-sent = Einladung an { $email } gesendet.
invite-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein.
invite-email-taken = Mit dieser E-Mail-Adresse gibt es bereits ein Konto.
join-title = Majlis beitreten
join-lead = Sie wurden mit der Rolle { $role } zu Majlis eingeladen. Wählen Sie den Namen, den andere sehen, und ein Passwort.
join-name = Ihr Name
join-password = Passwort
join-password-again = Passwort wiederholen
join-password-hint = 8 bis 128 Zeichen. Ein Satz, den Sie sich merken können, eignet sich gut.
join-submit = Mein Konto erstellen
join-password-mismatch = Die beiden Passwörter stimmen nicht überein.
join-name-missing = Bitte geben Sie Ihren Namen ein.
join-password-short = Das Passwort muss mindestens 8 Zeichen lang sein.
join-password-long = Das Passwort darf höchstens 128 Zeichen lang sein.
join-password-common = Dieses Passwort gehört zu den am häufigsten verwendeten. Bitte wählen Sie ein anderes.
invitation-not-found = Dieser Einladungslink ist ungültig. Bitte prüfen Sie, ob Sie den vollständigen Link kopiert haben.
invitation-expired = Diese Einladung ist abgelaufen. Bitten Sie die Koordination des Netzwerks um eine neue.
invitation-used = Diese Einladung wurde bereits verwendet. Melden Sie sich stattdessen mit Ihrem Konto an.
field-municipality = Kommune
field-locale = Sprache
mail-invitation-subject = Ihre Einladung zu Majlis
mail-invitation-body = Guten Tag,

    { $inviter } lädt Sie zu Majlis ein, der Plattform des Peer-Learning-Netzwerks von Kommunen, die Geflüchtete aufnehmen.

    Öffnen Sie diesen Link, um Ihren Namen und Ihr Passwort festzulegen:
    { $link }

    Der Link funktioniert nur einmal und ist gültig bis { $until }.

edit-municipality = Profil bearbeiten
edit-saved = Das Profil ist gespeichert.
edit-errors = Einige Felder müssen noch einmal geprüft werden:
edit-original-language = Originalsprache
edit-name = Name
edit-region = Region oder Provinz
edit-figure = Zahl
edit-year = Jahr der Angabe
edit-save = Speichern
edit-error-figure = geben Sie eine ganze Zahl zwischen 0 und 100.000.000 ein
edit-error-year = geben Sie ein Jahr zwischen 1900 und dem laufenden Jahr ein
edit-error-orig = wählen Sie eine der fünf Sprachen
edit-error-too-long = der Text ist zu lang
edit-error-name-original = der Name ist in der Originalsprache erforderlich
edit-error-profile-original = verfassen Sie das Profil auch in der Originalsprache
edit-error-theme = unbekanntes Thema
field-orig = Originalsprache
field-name = Name
field-profile = Profil
field-region = Region
field-population = Einwohnerzahl
field-latitude = Breitengrad
field-longitude = Längengrad
field-population_year = Jahr der Einwohnerzahl
field-refugees = Zahl der aufgenommenen Geflüchteten
field-refugees_year = Jahr der Angabe zu Geflüchteten
field-themes = Themen
municipality-new = Neue Kommune
municipality-create = Kommune hinzufügen
organisation-new = Neue Organisation
organisation-create = Organisation hinzufügen
organisation-edit = Organisation bearbeiten
organisation-saved = Die Organisation ist gespeichert.
edit-slug = Adresse (Kurzname)
edit-slug-hint = Kleinbuchstaben a–z ohne Umlaute, Ziffern und Bindestriche, zum Beispiel „gaziantep-sahinbey“. Sie wird Teil der Seitenadresse und kann später nicht mehr geändert werden.
edit-kind = Art
edit-country = Land
edit-acronym = Kurzbezeichnung
edit-website-hint = Eine vollständige Adresse, die mit https:// oder http:// beginnt
edit-description = Beschreibung
edit-error-slug = verwenden Sie nur Kleinbuchstaben a–z ohne Umlaute, Ziffern und Bindestriche
edit-error-slug-taken = diese Adresse ist bereits vergeben
edit-error-kind = wählen Sie eine Art aus der Liste
edit-error-country = wählen Sie ein Land aus der Liste
edit-error-website = geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt
edit-error-description-original = verfassen Sie die Beschreibung auch in der Originalsprache
field-slug = Adresse
field-member_since = Mitglied seit
field-acronym = Kurzbezeichnung
field-website = Website
field-description = Beschreibung

two-factor-title = Zwei-Schritt-Anmeldung
two-factor-login-lead = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
two-factor-code = Code
two-factor-submit = Weiter
two-factor-wrong = Dieser Code ist falsch oder wurde bereits verwendet.
two-factor-too-many = Zu viele falsche Codes. Bitte warten Sie 15 Minuten und versuchen Sie es erneut.
two-factor-setup-lead = Scannen Sie dieses Bild mit einer Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator) oder geben Sie den Schlüssel dort ein. Geben Sie dann den 6-stelligen Code ein, den die App anzeigt.
two-factor-key = Schlüssel
two-factor-enable = Aktivieren
two-factor-on = Die Zwei-Schritt-Anmeldung ist aktiviert.
two-factor-recovery = Wiederherstellungscodes
two-factor-recovery-lead = Bewahren Sie diese Codes an einem sicheren Ort auf. Falls Sie Ihr Telefon verlieren, können Sie sich damit anmelden; jeder Code funktioniert nur einmal. Die Codes werden nur jetzt angezeigt.
two-factor-codes-left = Verbleibende Wiederherstellungscodes: { $count }
two-factor-required-note = Personen mit der Rolle Koordination oder Administration müssen die Zwei-Schritt-Anmeldung verwenden; für alle anderen ist sie freiwillig.
account-two-factor = Zwei-Schritt-Anmeldung
error-two-factor-required-title = Zwei-Schritt-Anmeldung erforderlich
error-two-factor-required = Die Seiten für Koordination und Administration erfordern die Zwei-Schritt-Anmeldung. Bitte aktivieren Sie sie zuerst in Ihrem Konto.
error-action-two-factor = Zwei-Schritt-Anmeldung aktivieren

reset-forgot-link = Passwort vergessen?
reset-title = Passwort vergessen?
reset-lead = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können; er funktioniert nur einmal und ist 15 Minuten lang gültig.
reset-send = Link senden
reset-sent = Falls ein Konto diese Adresse verwendet, ist ein Link unterwegs. Bitte sehen Sie in Ihrem Posteingang nach.
reset-new-title = Neues Passwort wählen
reset-save = Neues Passwort speichern
reset-done = Ihr Passwort wurde geändert. Sie wurden überall abgemeldet; melden Sie sich mit dem neuen Passwort an.
reset-not-found = Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie den vollständigen Link kopiert haben.
reset-expired = Dieser Link ist abgelaufen. Bitte fordern Sie einen neuen an.
reset-used = Dieser Link wurde bereits verwendet. Fordern Sie bei Bedarf einen neuen an.
mail-reset-subject = Neues Passwort für Majlis wählen
mail-reset-body = Guten Tag,

    jemand hat angefordert, das Passwort Ihres Majlis-Kontos zu ändern. Wenn Sie das waren, öffnen Sie diesen Link innerhalb von { $minutes } Minuten:
    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.

nav-audit = Audit-Protokoll
audit-title = Audit-Protokoll
audit-lead = Jede Änderung an Inhalten, Rollen und Einstellungen: wer sie vorgenommen hat, wann und von welcher Adresse aus.
audit-person = Person (Nummer)
audit-object = Objekt
audit-object-id = Objektnummer
audit-from = Von
audit-to = Bis
audit-when = Wann
audit-who = Wer
audit-what = Was
audit-where = Herkunftsadresse
audit-empty = Kein Eintrag entspricht diesen Filtern.
audit-backup-age = Letzte gelungene Sicherung: vor { $hours } Stunden.
audit-backup-none = Noch keine Sicherung angelegt: siehe „Backups“ in der README.
audit-system = Kommandozeile
field-person = Person
field-object = Objekt
field-object_id = Objektnummer
field-from = Anfangsdatum
field-to = Enddatum

account-download-data = Meine Daten herunterladen (JSON)
delete-title = Mein Konto löschen
delete-lead = Ihr Profil, Ihre Sitzungen und Ihre Verbindungen zu Kommunen werden sofort gelöscht. Das lässt sich nicht rückgängig machen.
delete-kept = Was Sie auf der Plattform getan haben, bleibt im Verlauf erhalten und wird „einem ehemaligen Mitglied“ zugeschrieben. Laden Sie vorher Ihre Daten herunter, wenn Sie eine Kopie möchten.
delete-content-legend = Was Sie geschrieben haben
delete-content-keep = Behalten, einem „ehemaligen Mitglied“ zugeschrieben
delete-content-delete = Ebenfalls löschen: meine Beiträge zu Beratungen, die von mir begonnenen Beratungen (mit dem, was andere darin geschrieben haben) und meine Entwürfe guter Praxis. Im Namen einer Kommune eingereichte Praktiken bleiben bei der Kommune.
delete-confirm-password = Ihr Passwort zur Bestätigung
delete-submit = Mein Konto endgültig löschen
delete-wrong-password = Das Passwort ist falsch. Es wurde nichts gelöscht.
delete-last-admin = Sie sind die letzte Person mit Administrationsrechten. Geben Sie diese Rolle zuerst jemand anderem.
delete-done = Ihr Konto ist gelöscht.
audit-former-member = ein ehemaliges Mitglied
tokens-title = API-Token
tokens-lead = Mit einem persönlichen Token kann ein Programm die JSON-API mit Ihren Rechten nutzen: Senden Sie es als „Authorization: Bearer …“. Widerrufen Sie ein Token, sobald Sie es nicht mehr brauchen.
tokens-name = Name des Tokens
tokens-create = Token erstellen
tokens-created = Hier ist Ihr neues Token. Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt.
tokens-none = Sie haben kein API-Token.
tokens-last-used = Zuletzt verwendet
tokens-revoke = Widerrufen
tokens-bad-name = Geben Sie dem Token einen Namen mit 1 bis 100 Zeichen.
password-title = Mein Passwort ändern
password-lead = Nach der Änderung werden Sie überall abgemeldet, auch in diesem Browser; melden Sie sich mit dem neuen Passwort wieder an.
password-current = Aktuelles Passwort
password-current-wrong = Das aktuelle Passwort ist falsch. Es wurde nichts geändert.

## Library, practices, compendiums
nav-library = Bibliothek
library-title = Bibliothek
library-lead = Dokumente des Netzwerks in den Sprachen, in denen sie vorliegen: Konzeptpapiere, Berichte, Präsentationen, Praxisblätter und mehr.
library-sections = Bereiche der Bibliothek
library-documents = Dokumente
library-practices = Gute Praxis
library-compendiums = Kompendien
library-empty = Kein Dokument entspricht diesen Filtern.
filter-language = Sprache
filter-year = Jahr
filter-sort = Reihenfolge
sort-newest = Neueste zuerst
sort-oldest = Älteste zuerst
sort-title = Nach Titel
form-choose = Bitte wählen …
form-required = Pflichtfeld
form-error-choose = Bitte wählen Sie eine der angebotenen Optionen.
form-error-required = Diese Angabe ist erforderlich.
form-error-too-long = Dieser Text ist zu lang.
form-error-year = Bitte geben Sie eine vierstellige Jahreszahl ein.
form-error-period = Das Ende liegt vor dem Beginn.
form-error-email = Das ist keine E-Mail-Adresse.
form-error-link = Bitte geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt.
form-error-file-or-link = Bitte geben Sie entweder eine Datei oder einen Link an.
form-error-original = Bitte füllen Sie dieses Feld in der Originalsprache aus.
upload-hint = PDF, Word, PowerPoint, Excel, OpenDocument, JPEG, PNG oder WebP; höchstens { $size } MB.
upload-error-empty = Die Datei ist leer.
upload-error-too-large = Die Datei überschreitet die zulässige Größe.
upload-error-type = Diese Dateiart wird nicht angenommen: nur PDF, Office-Dokumente und Bilder.
upload-error-bomb = Diese Datei wäre entpackt um ein Vielfaches größer als ihre eigentliche Größe und wurde abgelehnt.
upload-error-malformed = Diese Datei ist beschädigt und kann nicht gelesen werden.
upload-error-failed = Die Datei konnte nicht gespeichert werden. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.
visibility-public = Alle
visibility-members = Nur Mitglieder
resource-new = Dokument hinzufügen
resource-authors = Autorinnen und Autoren
resource-organisations = Organisationen
resource-countries = Länder
resource-licence = Lizenz
resource-month = Monat
resource-visibility = Wer darf es lesen
resource-languages = Sprachen
resource-versions = Sprachfassungen
resource-no-versions = Es wurde noch keine Sprachfassung hinzugefügt.
resource-download = Herunterladen
resource-open-link = Link öffnen
resource-not-available = angekündigt, noch nicht verfügbar
resource-practices = Zugehörige Beispiele guter Praxis
resource-add-version = Sprachfassung hinzufügen
resource-first-version = Erste Sprachfassung
resource-kind-concept-note = Konzeptpapier
resource-kind-framing-note = Rahmenpapier
resource-kind-report = Bericht
resource-kind-presentation = Präsentation
resource-kind-practice-sheet = Praxisblatt
resource-kind-toolkit = Toolkit
resource-kind-policy-brief = Policy Brief
resource-kind-compendium = Kompendium
resource-kind-programme = Programm
resource-kind-video-link = Video
resource-kind-photo-reportage = Fotoreportage
resource-kind-dataset = Datensatz
practices-title = Gute Praxis
practices-lead = Was Mitgliedskommunen und Partner umgesetzt haben und was andere daraus lernen können.
practices-empty = Kein veröffentlichtes Praxisbeispiel entspricht diesen Filtern.
my-practices-title = Meine Praxisbeispiele
my-practices-lead = Praxisbeispiele, die Sie begonnen haben, und die der Kommunen, für die Sie Ansprechperson sind, unabhängig vom Status.
review-title = Zur Prüfung
review-lead = Zur Prüfung eingereichte Praxisbeispiele. Öffnen Sie eines, um es zu kommentieren, Änderungen anzufordern oder es zu veröffentlichen.
practice-new = Praxisbeispiel einreichen
practice-edit = Bearbeiten
practice-versions = Versionen
practice-sheet-pdf = Praxisblatt (PDF)
practice-status = Status
practice-status-draft = Entwurf
practice-status-submitted = Eingereicht
practice-status-in-review = In Prüfung
practice-status-published = Veröffentlicht
practice-status-archived = Archiviert
practice-archived-note = Dieses Praxisbeispiel wurde archiviert: Es ist möglicherweise nicht mehr aktuell.
practice-original-language = Originalsprache
practice-last-verified = Zuletzt überprüft
practice-ongoing = Laufend
practice-period-ongoing = Seit { $start }, laufend
practice-attachments = Anhänge und Dokumente
practice-no-attachments = Noch nichts angehängt.
practice-add-attachment = Anhängen
practice-history = Verlauf der Prüfung
practice-review-actions = Prüfung
practice-steps = Schritte
practice-step-about = Über das Praxisbeispiel
practice-step-story = Herausforderung und Vorgehen
practice-step-results = Ergebnisse und Erkenntnisse
practice-step-finish = Anhänge und Prüfung
practice-writing-in = Eingabesprache
practice-translation = Übersetzung
practice-saved = Gespeichert.
practice-save-continue = Speichern und weiter
practice-save-draft = Entwurf speichern
practice-checklist = Vor dem Einreichen zur Prüfung
practice-complete = Alle erforderlichen Angaben sind vorhanden.
practice-missing = Es fehlt noch:
practice-contact-hint = Nur für angemeldete Mitglieder sichtbar.
practice-field-title = Titel
practice-field-summary = Zusammenfassung
practice-field-target-groups = Zielgruppen
practice-field-challenge = Herausforderung
practice-field-approach = Vorgehen und Aktivitäten
practice-field-partners = Partner
practice-field-results = Ergebnisse und Indikatoren
practice-field-lessons = Erfolgsfaktoren und Erkenntnisse
practice-field-transferability = Übertragbarkeit und benötigte Ressourcen
practice-field-owner = Kommune oder Organisation
practice-field-country = Land
practice-field-city = Stadt
practice-field-department = Fachbereich
practice-field-contact = Kontaktperson
practice-field-contact-name = Kontaktperson
practice-field-contact-email = Kontakt-E-Mail
practice-field-themes = Themen
practice-field-period = Zeitraum
practice-field-start-year = Von (Jahr)
practice-field-end-year = Bis (Jahr)
practice-field-presenter = Vorgestellt von
practice-field-presented-at = Wo es vorgestellt wurde
practice-field-comment = Kommentar
practice-field-orig = Originalsprache
practice-field-kind = Art
practice-field-year = Jahr
practice-field-month = Monat
practice-field-visibility = Wer darf es lesen
practice-field-countries = Länder
practice-field-organisations = Organisationen
practice-field-authors = Autorinnen und Autoren
practice-field-licence = Lizenz
practice-field-introduction = Einleitung
practice-field-edition = Ausgabe
practice-field-publisher = Herausgeber
practice-field-practices = Praxisbeispiele
practice-field-version-lang = Sprache
practice-field-version-title = Titel in dieser Sprache
practice-field-version-file = Datei
practice-field-version-url = Oder ein Link
practice-action-submitted = Zur Prüfung einreichen
practice-action-review-started = Prüfung beginnen
practice-action-changes-requested = Änderungen anfordern
practice-action-published = Veröffentlichen
practice-action-archived = Archivieren
practice-action-comment = Kommentieren
practice-review-submitted = Zur Prüfung eingereicht
practice-review-review-started = Prüfung begonnen
practice-review-changes-requested = Änderungen angefordert
practice-review-published = Veröffentlicht
practice-review-archived = Archiviert
practice-review-comment = Kommentar
former-member = ein ehemaliges Mitglied
versions-from = Von Version
versions-to = Bis Version
versions-compare = Vergleichen
versions-changes = { $count ->
    [one] Eine Änderung
   *[other] { $count } Änderungen
}
compendiums-title = Kompendien
compendiums-lead = Zusammenstellungen guter Praxis nach Themen, hier zu lesen oder zum Ausdrucken.
compendiums-empty = Es wurde noch kein Kompendium veröffentlicht.
compendium-new = Neue Ausgabe
compendium-draft = Entwurf
compendium-published = Veröffentlicht
compendium-pdf = Als PDF herunterladen
compendium-contents = Inhalt
compendium-introduction = Einleitung
compendium-edition = Ausgabe (z. B. Mai 2017)
compendium-publisher = Herausgeber
compendium-arrange = Praxisbeispiele auswählen
compendium-arrange-lead = Ordnen Sie veröffentlichte Praxisbeispiele thematischen Kapiteln zu und legen Sie ihre Reihenfolge fest; die übrigen lassen Sie weg.
compendium-published-practices = Veröffentlichte Praxisbeispiele
compendium-chapter = Kapitel
compendium-order = Reihenfolge
compendium-not-included = Nicht aufgenommen
print-footer = Majlis · Peer-Learning-Netzwerk aufnehmender Kommunen

## Events
nav-events = Veranstaltungen
events-title = Veranstaltungen
events-lead = Peer-to-Peer-Workshops, Webinare, Exkursionen und Akademie-Module des Netzwerks: Programme, Materialien und was dabei herausgekommen ist.
events-empty = Keine Veranstaltung entspricht diesen Filtern.
events-when = Welche Veranstaltungen
events-when-upcoming = Bevorstehende
events-when-past = Vergangene
events-when-all = Alle
events-subscribe = Diese Veranstaltungen abonnieren (iCalendar)
events-mine = Meine Veranstaltungen
events-mine-empty = Sie sind für keine Veranstaltung angemeldet.
events-calendar-name = Majlis-Veranstaltungen
events-my-calendar-name = Meine Majlis-Veranstaltungen
events-my-feed = Ihr persönlicher Kalender
events-my-feed-hint = Eine geheime Adresse, die Kalenderprogramme abonnieren können: Sie enthält die Veranstaltungen, für die Sie angemeldet sind. Wer die Adresse kennt, kann die Liste lesen – geben Sie sie daher nicht weiter.
events-my-feed-new = Hier ist Ihre neue Adresse. Sie wird nur dieses eine Mal angezeigt: Kopieren Sie sie jetzt in Ihr Kalenderprogramm.
events-my-feed-address = Kalenderadresse
events-my-feed-exists = Sie haben bereits eine Kalenderadresse. Wenn Sie eine neue erstellen, funktioniert die alte nicht mehr.
events-my-feed-create = Kalenderadresse erstellen
events-my-feed-replace = Neue Adresse erstellen
event-new = Neue Veranstaltung
event-edit = Veranstaltung bearbeiten
event-edit-programme = Programm bearbeiten
event-edit-outcomes = Ergebnisse bearbeiten
event-registrations = Anmeldungen
event-manage = Veranstaltung verwalten
event-clone = Als neue Veranstaltung kopieren
event-series = Reihe
event-when = Wann
event-where = Wo
event-times-in = Uhrzeiten nach Zeitzone
event-date-approximate = (genaues Datum nicht erfasst)
event-online = online
event-online-link = Link zur Online-Teilnahme
event-online-link-hidden = Der Link zur Teilnahme wird angemeldeten Teilnehmenden angezeigt.
event-organisers = Veranstalter
event-partners = Partner
event-languages = Arbeitssprachen
event-interpretation = Verdolmetschung
event-add-to-calendar = Zu meinem Kalender hinzufügen (iCalendar)
event-registration = Anmeldung
event-capacity = { $count ->
    [one] Ein Platz
   *[other] { $count } Plätze
}
event-places-left = { $count ->
    [0] kein Platz mehr frei
    [one] noch ein Platz frei
   *[other] noch { $count } Plätze frei
}
event-waiting-count = { $count ->
    [one] eine Person auf der Warteliste
   *[other] { $count } Personen auf der Warteliste
}
event-programme = Programm
event-programme-empty = Das Programm enthält noch keinen Programmpunkt.
event-day = Tag { $number }
event-materials = Materialien
event-material-announced = angekündigt, noch nicht verfügbar
event-outcomes = Ergebnisse
event-report = Bericht
event-takeaways = Kernbotschaften
event-practices-presented = Vorgestellte Praxisbeispiele
event-outcomes-later = Konsultationen und Projektideen
event-outcomes-later-hint = Konsultationen, die im Rahmen dieser Veranstaltung stattgefunden haben, und Projektideen, die dabei entstanden sind, werden hier aufgeführt, sobald sie erfasst sind.
event-outcomes-empty = Zu den Ergebnissen wurde noch nichts erfasst.
event-participants = Teilnehmende
event-participants-total = { $count ->
    [one] Eine teilnehmende Person
   *[other] { $count } Teilnehmende
}
event-figures-by-hand = Zahlen von der Koordination anhand der Unterlagen der Veranstaltung eingetragen
event-figures-attendance = gezählt anhand der erfassten Anwesenheit
event-figures-registrations = gezählt anhand der Anmeldungen
event-figures-by-country = Teilnehmende nach Ländern
event-figures-by-kind = Teilnehmende nach Art der Organisation
event-figures-count = Teilnehmende
event-figures-kind = Art der Organisation
event-figures-countries = Vertretene Länder
event-figures-unknown = Keine Angabe
event-figures-none = Es wurden keine Teilnahmezahlen erfasst.
event-participant-list = Teilnehmende, die der Nennung ihres Namens zugestimmt haben
event-participant-list-hint = Hier erscheinen nur Personen, die eingewilligt haben; sie können ihre Einwilligung jederzeit widerrufen.
event-form-description = Beschreibung
event-form-translation-hint = Sie fügen eine Übersetzung hinzu: Leer gelassene Felder behalten den Originaltext.
event-form-kind = Art und Sichtbarkeit
event-form-time-place = Zeit und Ort
event-field-title = Titel
event-field-summary = Zusammenfassung
event-field-context = Hintergrund und Begründung
event-field-objectives = Ziele
event-field-expected-results = Erwartete Ergebnisse
event-field-audience = Zielgruppe
event-field-kind = Art der Veranstaltung
event-field-status = Status
event-field-visibility = Wer darf sie sehen
event-field-series = Reihe
event-field-themes = Themen
event-field-timezone = Zeitzone
event-field-starts = Beginn
event-field-ends = Ende
event-field-city = Stadt
event-field-country = Land
event-field-address = Adresse
event-field-online = Findet online statt (oder auch online)
event-field-online-url = Link zur Online-Teilnahme
event-field-languages = Arbeitssprachen
event-field-interpretation = Verdolmetschung
event-field-organisers = Veranstalter
event-field-partners = Partner
event-field-capacity = Anzahl der Plätze
event-field-needs-approval = Anmeldungen müssen von der Koordination bestätigt werden
event-field-registration-opens = Anmeldung ab
event-field-registration-closes = Anmeldeschluss
event-field-questions = Fragen bei der Anmeldung
event-field-answers = Antworten
event-field-day = Tag
event-field-position = Reihenfolge am Tag
event-field-session-starts = Beginn um
event-field-session-ends = Ende um
event-field-session-kind = Art des Programmpunkts
event-field-parent = Arbeitsgruppe von
event-field-session = Programmpunkt
event-field-role = Rolle
event-field-email = E-Mail-Adresse eines Mitglieds
event-field-name = Name
event-field-organisation = Organisation
event-field-affiliation = Funktion und Institution
event-field-resource = Dokument aus der Bibliothek
event-field-report = Bericht (ein Dokument aus der Bibliothek)
event-field-takeaways = Kernbotschaften
event-field-practices = Vorgestellte Praxisbeispiele
event-field-total = Anzahl der Teilnehmenden
event-field-by-country = Teilnehmende nach Ländern
event-field-countries = Vertretene Länder
event-field-note = Herkunft der Zahlen
event-hint-summary = Ein oder zwei Sätze, die in Listen angezeigt werden.
event-hint-context = Warum die Veranstaltung stattfindet. Trennen Sie Absätze durch eine Leerzeile.
event-hint-objectives = Ein Ziel pro Zeile.
event-hint-expected-results = Ein Ergebnis pro Zeile.
event-hint-audience = Wer teilnehmen sollte.
event-hint-timezone = Die Zeitzone des Veranstaltungsorts, zum Beispiel Europe/Istanbul oder Asia/Amman; bei Online-Veranstaltungen die des Veranstalters.
event-hint-online-url = Wird nur angemeldeten Teilnehmenden und der Koordination angezeigt.
event-hint-capacity = Leer lassen, wenn es keine Begrenzung gibt. Sind alle Plätze vergeben, kommen weitere Personen auf eine Warteliste.
event-hint-questions = Eine Frage pro Zeile. Beginnen Sie eine Zeile mit *, um die Frage zur Pflichtfrage zu machen.
event-hint-position = Eine Zahl; leer lassen, um den Programmpunkt ans Ende seines Tages zu setzen.
event-hint-parent = Wählen Sie einen Programmpunkt, um diesen hier als parallele Arbeitsgruppe darunter einzuordnen.
event-hint-person-email = Für Mitglieder von Majlis. Bei Gästen leer lassen und den Namen eintragen.
event-hint-takeaways = Eine Botschaft pro Zeile.
event-hint-by-country = Eine Zeile pro Land: der zweistellige Ländercode und eine Zahl, zum Beispiel TR 38.
event-hint-countries = Zweistellige Ländercodes, durch Leerzeichen getrennt, wenn nur die Liste der Länder bekannt ist.
event-figures-by-hand-legend = Von Hand eingetragene Teilnahmezahlen
event-figures-by-hand-hint = Für Veranstaltungen ohne Anmeldung über Majlis. Auf der Veranstaltungsseite wird angegeben, dass die Zahlen von Hand eingetragen wurden.
event-no-practices = Es wurde noch kein Praxisbeispiel veröffentlicht.
event-not-translated = noch nicht in diese Sprache übersetzt
event-session-add = Programmpunkt hinzufügen
event-session-edit = Programmpunkt ändern
event-session-delete = Programmpunkt entfernen
event-person-add = Person zu einem Programmpunkt hinzufügen
event-person-remove = Entfernen
event-material-attach = Dokument anhängen
event-whole-event = Die gesamte Veranstaltung
event-detach = Verknüpfung lösen
event-kind-peer-workshop = Peer-to-Peer-Workshop
event-kind-webinar = Webinar
event-kind-field-visit = Exkursion
event-kind-dialogue-workshop = Dialogworkshop
event-kind-academy-module = Akademie-Modul
event-status-planned = Geplant
event-status-open = Anmeldung offen
event-status-held = Durchgeführt
event-status-cancelled = Abgesagt
session-kind-opening = Eröffnung
session-kind-keynote = Hauptvortrag
session-kind-panel = Moderiertes Podium und Plenum
session-kind-working-groups = Parallele Arbeitsgruppen
session-kind-recap = Rückblick
session-kind-field-visit = Exkursion
session-kind-consultation-clinic = Beratungssprechstunde
session-kind-presentations = Präsentationen
session-kind-results = Vorstellung der Ergebnisse
session-kind-next-steps = Nächste Schritte
session-kind-closing = Abschluss
session-role-moderator = Moderation
session-role-rapporteur = Berichterstatter/in
session-role-speaker = Referent/in
session-role-panellist = Podiumsgast
session-role-facilitator = Prozessbegleiter/in
session-role-expert = Fachperson
session-role-keynote = Hauptredner/in
registration-register = Zur Veranstaltung anmelden
registration-join-waiting = Auf die Warteliste setzen
registration-sign-in = Für die Anmeldung melden Sie sich bitte mit Ihrem Majlis-Konto an
registration-not-open = Die Anmeldung ist nicht geöffnet.
registration-needs-approval = Jede Anmeldung wird von der Koordination bestätigt.
registration-consent = Meinen Namen und meine Organisation auf der öffentlichen Seite unter den Teilnehmenden aufführen
registration-consent-save = Meine Auswahl speichern
registration-cancel = Meine Anmeldung stornieren
registration-you-registered = Sie sind angemeldet.
registration-you-waiting = Sie stehen auf der Warteliste; Sie erhalten eine E-Mail, sobald ein Platz frei wird.
registration-you-pending = Ihre Anmeldung wartet auf die Bestätigung durch die Koordination.
registration-you-cancelled = Sie haben Ihre Anmeldung storniert.
registration-you-declined = Ihre Anmeldung wurde nicht angenommen.
registration-error-closed = Die Anmeldung für diese Veranstaltung ist geschlossen.
registration-error-already = Diese Person ist bereits angemeldet.
registration-error-state = Diese Anmeldung hat sich inzwischen geändert; bitte sehen Sie sich die Liste noch einmal an.
registration-status = Status
registration-status-registered = Angemeldet
registration-status-waiting = Warteliste
registration-status-pending = Bestätigung ausstehend
registration-status-cancelled = Storniert
registration-status-declined = Abgelehnt
registration-count-registered = Angemeldet: { $count }
registration-count-waiting = Warteliste: { $count }
registration-count-pending = Bestätigung ausstehend: { $count }
registration-count-attended = Anwesend: { $count }
registration-add = Mitglied anmelden
registration-add-hint = Die E-Mail-Adresse des Mitglieds; die Anmeldung erfolgt in seinem Namen.
registration-list = Anmeldungen
registration-list-empty = Es hat sich noch niemand angemeldet.
registration-answers = Antworten
registration-actions = Aktionen
registration-approve = Bestätigen
registration-decline = Ablehnen
registration-check-in = Anwesenheit erfassen
registration-undo-check-in = Anwesenheit zurücknehmen
registration-cancel-for = Stornieren
registration-attended = anwesend
registration-listed = öffentlich aufgeführt
edit-writing-in = Eingabesprache
edit-original = Original
form-error-timezone = Bitte wählen Sie eine Zeitzone aus der Liste, zum Beispiel Europe/Istanbul.
form-error-datetime = Bitte geben Sie Datum und Uhrzeit ein, zum Beispiel 2026-03-14T09:30.
form-error-ends-before-starts = Das Ende muss nach dem Beginn liegen.
form-error-too-long-event = Eine Veranstaltung dauert höchstens 31 Tage.
form-error-venue = Bitte geben Sie eine Stadt an oder kennzeichnen Sie die Veranstaltung als Online-Veranstaltung.
form-error-capacity = Bitte geben Sie eine ganze Zahl von 1 bis 100000 ein oder lassen Sie das Feld leer.
form-error-too-many-questions = Bitte stellen Sie höchstens 10 Fragen.
form-error-number = Bitte geben Sie eine ganze Zahl ein.
form-error-time = Bitte geben Sie eine Uhrzeit in Stunden und Minuten ein, zum Beispiel 14:30.
form-error-no-member = Kein aktives Mitglied hat diese E-Mail-Adresse.
form-error-name-or-member = Bitte geben Sie die E-Mail-Adresse eines Mitglieds oder den Namen eines Gastes an.
form-error-country-lines = Jede Zeile braucht einen bekannten zweistelligen Ländercode und eine Zahl, zum Beispiel TR 38.
form-error-more-than-total = Die Summe der Länder übersteigt die Zahl der Teilnehmenden.
mail-event-promoted-subject = Ein Platz ist für Sie frei geworden: { $event }
mail-event-promoted-body = Guten Tag,

    ein Platz ist frei geworden, und Sie sind jetzt für „{ $event }“ angemeldet.
    Die Einzelheiten finden Sie auf der Seite der Veranstaltung:
    { $link }

    Falls Sie nicht mehr teilnehmen können, stornieren Sie Ihre Anmeldung bitte dort, damit jemand anderes den Platz erhalten kann.
mail-event-reminder-subject = Morgen: { $event }
mail-event-reminder-body = Guten Tag,

    wir erinnern Sie daran, dass „{ $event }“ am { $when } beginnt.
    Ort: { $place }

    Programm und Materialien:
    { $link }
event-field-registration = Anmeldung

## Search
nav-search = Suche
search-title = Suche
search-label = Praxisbeispiele, Dokumente, Veranstaltungen und Mitglieder durchsuchen, in jeder Sprache
search-button = Suchen
search-hint = Wörter auf Arabisch, Türkisch, Englisch, Französisch oder Deutsch finden auch Inhalte zum selben Thema in den anderen Sprachen.
search-sort = Reihenfolge
search-sort-relevance = Relevanteste zuerst
search-sort-newest = Neueste zuerst
search-refine = Ergebnisse eingrenzen
search-clear-filters = Filter entfernen
search-facet-type = Art
search-facet-theme = Thema
search-facet-country = Land
search-facet-language = Sprache
search-facet-year = Jahr
search-start = Geben Sie einige Wörter ein, um zu suchen.
search-empty = Nichts gefunden. Versuchen Sie andere oder weniger Wörter, oder entfernen Sie einen Filter.
search-type-practice = Praxisbeispiel
search-type-resource = Dokument
search-type-event = Veranstaltung
search-type-organisation = Organisation
search-type-municipality = Kommune
search-related = Verwandte Inhalte
practice-presented-at-events = Vorgestellt bei
resource-used-at-events = Veranstaltungen
resource-edit = Dokument bearbeiten
resource-delete = Dokument löschen
resource-delete-hint = Das Dokument und alle Sprachfassungen verschwinden aus der Bibliothek, aus Veranstaltungen und Praxisbeispielen. Das lässt sich nicht rückgängig machen.
resource-delete-confirm = Ja, löschen
resource-deleted = Das Dokument wurde gelöscht.
practice-delete = Praxisbeispiel löschen
practice-delete-hint = Das Praxisbeispiel, seine Versionen und Anhänge verschwinden aus der Bibliothek, aus Kompendien und Veranstaltungen; Konsultationen, in denen es geteilt wurde, behalten das Geschriebene. Das lässt sich nicht rückgängig machen.
practice-delete-confirm = Ja, löschen
practice-deleted = Das Praxisbeispiel wurde gelöscht.
compendium-describe = Beschreibung bearbeiten
compendium-translation-hint = Sie schreiben eine Übersetzung: Der Originaltext steht über den Feldern, und ein leer gelassenes Feld wird in der Originalsprache angezeigt.
compendium-chapter-introductions = Einleitungen der Kapitel
compendium-chapter-introductions-hint = Erscheinen unter dem Titel jedes Kapitels, auf der Seite und im PDF. Ein Kapitel erscheint hier, sobald ihm Praxisbeispiele zugeordnet und gespeichert sind.
compendium-delete = Diese Ausgabe löschen
compendium-delete-hint = Die Ausgabe, ihre Kapitel und ihre Auswahl an Praxisbeispielen verschwinden; die Praxisbeispiele selbst bleiben in der Bibliothek. Das lässt sich nicht rückgängig machen.
compendium-delete-confirm = Ja, löschen
compendium-deleted = Die Ausgabe wurde gelöscht.

## Consultations
nav-consultations = Konsultationen
search-type-dilemma = Konsultation
consultations-title = Peer-Konsultationen
consultations-lead = Eine Stadt stellt ein kommunalpolitisches Dilemma vor; Peers stellen offene Fragen und teilen, was sich anderswo bewährt hat, und das Ergebnis wird festgehalten.
consultations-count = { $count ->
    [one] Eine Konsultation
   *[other] { $count } Konsultationen
}
consultations-none = Keine Konsultation entspricht diesen Filtern.
consultation-new = Peers ein Dilemma vorlegen
consultation-new-lead = Beschreiben Sie Ihr Dilemma als Frage und geben Sie die Informationen an, die Peers benötigen. Es wird als Entwurf gespeichert; anschließend öffnen Sie es für einen bestimmten Zeitraum und laden Peers ein.
consultation-save-draft = Entwurf speichern
consultation-dilemma = Dilemma
consultation-moderation = Gemeldete Beiträge
consultation-open = Konsultation öffnen
consultation-open-hint = Peers können dann { $days } Tage lang offene Fragen stellen.
consultation-open-ideas = Zweite Phase öffnen: Ideen und Erfahrungen
consultation-ideas-hint = Zuerst stellen Peers offene Fragen, und Sie beantworten sie. Wenn jede Frage beantwortet ist, öffnen Sie die zweite Phase, damit Peers Ideen, Erfahrungen und Praxisbeispiele teilen können.
consultation-unanswered = { $count ->
    [one] Eine Frage wartet noch auf Ihre Antwort.
   *[other] { $count } Fragen warten noch auf Ihre Antwort.
}
consultation-open-questions = Offene Fragen
consultation-ideas-shared = Geteilte Ideen und Praxisbeispiele
consultation-no-questions = Noch keine offene Frage.
consultation-no-ideas = Noch keine Idee oder Erfahrung.
consultation-contribute = Mitwirken
consultation-phase-one-hint = Erste Phase: Stellen Sie eine offene Frage, die der vorstellenden Person hilft, das Dilemma genauer zu betrachten. Ideen folgen in der zweiten Phase.
consultation-phase-two-hint = Zweite Phase: Teilen Sie eine Idee, eine Erfahrung oder ein Praxisbeispiel bzw. Dokument aus der Bibliothek.
consultation-send = Senden
consultation-conclude = Fazit
consultation-conclude-send = Fazit speichern und abschließen
consultation-archive = Diese Konsultation archivieren
consultation-participants = Beteiligte
consultation-suggested-peers = Einzuladende Peers
consultation-invite-after-open = Die Einladungen werden per E-Mail verschickt, sobald die Konsultation geöffnet ist.
consultation-no-suggestions = Keine Peers vorzuschlagen: Fügen Sie dem Dilemma Themen hinzu oder wenden Sie sich an die Koordination.
consultation-invite-legend = Vorgeschlagen anhand gemeinsamer Themen und zugehöriger Praxisbeispiele
consultation-invite = Einladen
consultation-former-member = Ein ehemaliges Mitglied
consultation-question-n = Frage { $n }
consultation-report-of = Konsultationen bei „{ $event }“
consultation-wrapup = Abschlussbetrachtung
consultation-wrapup-session = Sitzung zur Abschlussbetrachtung
consultation-error-closed = Diese Konsultation nimmt keine Beiträge an.
consultation-error-period-over = Der Zeitraum dieser Konsultation ist abgelaufen; nur ihr Fazit kann noch verfasst werden.
consultation-error-ideas-not-open = Ideen sind in der zweiten Phase möglich, nachdem die vorstellende Person die offenen Fragen beantwortet hat.
consultation-error-unanswered = Beantworten Sie alle offenen Fragen, bevor Sie die zweite Phase öffnen.
consultation-error-not-draft = Diese Konsultation ist bereits geöffnet.
consultation-error-not-question = Nur offene Fragen werden beantwortet.
consultation-error-not-concluded = Nur eine abgeschlossene Konsultation kann archiviert werden.
consultation-error-question-short = Bitte formulieren Sie das Dilemma als Frage mit mindestens 10 Zeichen.
consultation-error-period = Bitte geben Sie eine Anzahl von Tagen zwischen 1 und 60 ein.
consultation-error-municipality = Bitte wählen Sie eine Kommune, der Sie angehören.
consultation-error-url = Bitte geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt.
consultation-error-link-missing = Bitte wählen Sie ein Praxisbeispiel oder ein Dokument, oder geben Sie eine Webadresse an.
consultation-error-nobody = Bitte wählen Sie mindestens eine Person.
form-error-unknown = Dies ist keine der angebotenen Optionen.
dilemma-closes = endet am
dilemma-phase-questions = offene Fragen
dilemma-phase-ideas = Ideen und Erfahrungen
dilemma-joint = Gemeinsam beraten mit
dilemma-field-question = Das Dilemma als Frage
dilemma-field-information = Informationen zum Dilemma
dilemma-field-result = Ergebnis der Diskussion
dilemma-field-status = Status
dilemma-field-presenter = Vorgestellt von
dilemma-field-affiliation = Kommune oder Organisation
dilemma-field-municipality = Kommune
dilemma-field-organisation = Organisation
dilemma-field-place = Ort
dilemma-field-city = Stadt
dilemma-field-country = Land
dilemma-field-themes = Themen
dilemma-field-help = Gesuchte Unterstützung
dilemma-field-visibility = Wer darf es lesen
dilemma-field-period = Geöffnet für (Tage)
dilemma-field-event = Beraten bei
dilemma-field-kind = Art des Beitrags
dilemma-field-text = Ihr Beitrag
dilemma-field-practice = Praxisbeispiel
dilemma-field-resource = Dokument
dilemma-field-url = Webadresse
consultation-choices-hint = Die Listen zeigen bis zu { $n } Praxisbeispiele und Dokumente, zuerst die zu den Themen dieser Konsultation. Um ein anderes zu teilen, fügen Sie unten seine Adresse ein.
dilemma-field-answer = Antwort
dilemma-field-reason = Grund
dilemma-field-people = Personen
dilemma-field-key = Formular
dilemma-field-author-name = Geäußert von
dilemma-field-author = Verfasser/in
dilemma-field-wrapup = Beitrag zur Abschlussbetrachtung
dilemma-hint-question = Zum Beispiel: Wie erreichen wir Kinder, deren Familien unser Land nur als Transitland sehen? Höchstens 500 Zeichen.
dilemma-hint-information = Der Kontext, den Peers brauchen: was Sie versucht haben, wer beteiligt ist, was Sie einschränkt. Höchstens 5000 Zeichen.
dilemma-hint-period = 1 bis 60 Tage; 14, wenn das Feld leer bleibt.
dilemma-status-draft = Entwurf
dilemma-status-open = Offen: Fragen
dilemma-status-in-discussion = In Diskussion
dilemma-status-concluded = Abgeschlossen
dilemma-status-archived = Archiviert
dilemma-visibility-public = Alle
dilemma-visibility-members = Angemeldete Mitglieder
dilemma-visibility-participants = Nur die beteiligten Personen
contribution-kind-question = Offene Frage
contribution-kind-idea = Idee
contribution-kind-experience = Erfahrung
contribution-kind-link = Praxisbeispiel oder Dokument
help-sought-practices = Praxisbeispiele, die sich anderswo bewährt haben
help-sought-experience = Erfahrungen von Peers
help-sought-expertise = Rat von Fachleuten
help-sought-partners = Partner für ein Projekt
participant-role-presenter = vorstellende Person
participant-role-invited = eingeladen
participant-role-rapporteur = Berichterstatter/in
suggest-reason-municipality = arbeitet zu diesen Themen
suggest-reason-expert = Fachperson für diese Themen
suggest-reason-practice = Verfasser/in eines zugehörigen Praxisbeispiels
contribution-helped = Das hat geholfen
contribution-hidden = Von der Moderation ausgeblendet
contribution-reports = { $count ->
    [one] einmal gemeldet
   *[other] { $count }-mal gemeldet
}
contribution-answer = Antwort der vorstellenden Person
contribution-your-answer = Ihre Antwort
contribution-answer-send = Antworten
contribution-mark-helped = Als hilfreich markieren
contribution-unmark-helped = Nicht mehr als hilfreich markieren
contribution-flag = Der Moderation melden
contribution-flag-reason = Was stimmt damit nicht?
contribution-flag-send = Melden
moderation-title = Moderieren
moderation-reason = Grund (wird im Audit-Protokoll festgehalten)
moderation-reasons = Angegebene Gründe
moderation-hide = Ausblenden
moderation-restore = Wiederherstellen
moderation-none = Kein Beitrag wartet auf die Moderation.
clinic-title = Beratungssitzung
clinic-queue = Dilemmata dieser Sitzung
clinic-queue-empty = Für diese Sitzung ist noch kein Dilemma vorgesehen.
clinic-add-dilemma = Dilemma zur Sitzung hinzufügen
clinic-record = Frage, Idee oder Praxisbeispiel festhalten
clinic-record-send = Festhalten
clinic-said-by = Geäußert von (optional)
clinic-result = Ergebnis der Diskussion
clinic-result-send = Ergebnis speichern
clinic-no-wrapups = Noch kein Beitrag zur Abschlussbetrachtung.
clinic-wrapup-author = Verfasser/in
clinic-wrapup-text = Beitrag zur Abschlussbetrachtung
clinic-wrapup-send = Abschlussbetrachtung hinzufügen
clinic-report = Bericht
clinic-report-html = Bericht lesen
clinic-report-pdf = Bericht als PDF
clinic-report-preview = Vorschau des Berichts
clinic-report-unpublished = Noch nicht veröffentlicht
clinic-report-draft = Dieser Bericht ist noch nicht veröffentlicht; nur die Personen, die die Sitzung protokollieren, können ihn sehen.
clinic-publish = Bericht veröffentlichen
clinic-withdraw = Bericht zurückziehen
practice-discussed-in = Beraten in Konsultationen
event-consultations = Beratungssitzungen
event-consultations-report = Bericht über die Konsultationen
mail-consultation-invited-subject = { $inviter } lädt Sie zu einer Peer-Konsultation ein
mail-consultation-invited-body = Guten Tag,

    { $inviter } lädt Sie ein, bei diesem Dilemma zu helfen:
    { $question }

    Lesen Sie es, stellen Sie eine offene Frage und teilen Sie später, was sich bei Ihnen bewährt hat:
    { $link }

## Open registration
register-title = Ein Konto beantragen
register-lead = Stellen Sie sich vor. Eine Koordinatorin oder ein Koordinator des Netzwerks liest jeden Antrag und antwortet per E-Mail.
register-affiliation = Ihre Kommune oder Organisation und Ihre Funktion
register-note = Ein Wort an die Koordination (freiwillig)
register-submit = Antrag senden
register-done = Vielen Dank. Wenn diese Adresse beitreten kann, antwortet Ihnen die Koordination per E-Mail.
register-link = Noch kein Konto? Beantragen Sie eines.
people-requests = Beitrittsanträge
people-request-approve = Antrag von { $name } annehmen
people-request-decline = Antrag von { $name } ablehnen
mail-signup-received-subject = Ihr Antrag auf ein Majlis-Konto
mail-signup-received-body = Guten Tag,

    wir haben Ihren Antrag auf ein Konto erhalten. Die Koordination des Netzwerks liest ihn und antwortet Ihnen per E-Mail.
    { $link }
mail-signup-existing-subject = Jemand wollte Majlis mit Ihrer Adresse beitreten
mail-signup-existing-body = Guten Tag,

    jemand hat ein neues Konto mit dieser E-Mail-Adresse beantragt, zu der es bereits ein Konto gibt. Wenn Sie es waren, melden Sie sich an oder wählen Sie hier ein neues Passwort:
    { $link }

    Wenn Sie es nicht waren, müssen Sie nichts tun.
mail-signup-approved-subject = Ihr Majlis-Konto ist bereit
mail-signup-approved-body = Guten Tag,

    die Koordination hat Ihren Antrag angenommen. Melden Sie sich mit Ihrer E-Mail-Adresse und dem gewählten Passwort an:
    { $link }
mail-signup-declined-subject = Ihr Antrag auf ein Majlis-Konto
mail-signup-declined-body = Guten Tag,

    die Koordination konnte Ihren Antrag auf ein Konto nicht annehmen; er wurde gelöscht. Wenn Sie das für einen Irrtum halten, schreiben Sie der Koordination des Netzwerks.
    { $link }
clinic-joint = Zusammen mit einem anderen Dilemma besprochen
clinic-joint-with = Besprochen zusammen mit
clinic-joint-none = Für sich
clinic-error-joint = Wählen Sie ein Dilemma dieser Sitzung, das für sich besprochen wurde; es trägt das gemeinsame Ergebnis.
consultation-invite-as = Einladen als
dilemma-field-with = Besprochen zusammen mit
affiliations-title = Zugehörigkeiten
affiliations-lead = Die Kommunen und Organisationen, zu denen diese Person gehört. Eine Ansprechperson handelt für die Kommune: Sie bearbeitet ihr Profil und reicht ihre Praktiken ein.
affiliations-none = Noch keine Zugehörigkeit.
affiliations-add = Zugehörigkeit hinzufügen
affiliations-to = Kommune oder Organisation
affiliations-position = Funktion (freiwillig)
affiliations-focal-point = Ansprechperson
affiliations-focal-point-hint = Ansprechperson dieser Kommune (nicht für Organisationen)
affiliations-remove = Zugehörigkeit zu { $name } entfernen
affiliations-error-choose = Wählen Sie eine Kommune oder Organisation aus der Liste.

# trust repairs: uploads
upload-limits = Pro Formular: höchstens { $files } Dateien, insgesamt { $total } MB.
upload-quota-used = Ihre gespeicherten Dateien belegen { $used } MB von Ihren { $quota } MB.
upload-error-form-too-large = Die Dateien dieses Formulars sind zusammen größer als die Grenze pro Formular.
upload-error-quota = Mit dieser Datei würden Ihre gespeicherten Dateien Ihr Kontingent überschreiten (Ihre Nutzung steht unter dem Dateifeld).

# surveys
nav-surveys = Umfragen
surveys-title = Umfragen unter den Mitgliedskommunen
surveys-lead = Was das Netzwerk seine Mitgliedskommunen fragt und was sie geantwortet haben. Für jede befragte Kommune antwortet ihre Ansprechperson.
surveys-none = Noch keine Umfrage.
survey-new = Neue Umfrage aus einem XLSForm
survey-to-answer = Ihre Kommune wird gebeten, diese Umfrage zu beantworten.
survey-status-draft = In Vorbereitung
survey-status-open = Offen
survey-status-closed = Geschlossen
survey-audience-public = Alle
survey-audience-members = Angemeldete Mitglieder
survey-audience-staff = Nur das Team des Netzwerks
survey-by-none = Ohne Aufschlüsselung
survey-by-country = Nach Land
survey-by-population = Nach Einwohnerzahl
survey-by-refugees = Nach Geflüchteten je 100 Einwohner
survey-band-population-under-50k = Unter 50.000 Einwohner
survey-band-population-50k-250k = 50.000 bis 250.000 Einwohner
survey-band-population-250k-1m = 250.000 bis 1 Million Einwohner
survey-band-population-over-1m = Über 1 Million Einwohner
survey-band-refugees-under-5 = Unter 5 Geflüchtete je 100 Einwohner
survey-band-refugees-5-15 = 5 bis 15 Geflüchtete je 100 Einwohner
survey-band-refugees-15-30 = 15 bis 30 Geflüchtete je 100 Einwohner
survey-band-refugees-over-30 = Über 30 Geflüchtete je 100 Einwohner
survey-group-unknown = Unbekannt
survey-synthetic = Die Antworten dieser Umfrage sind erfunden: Sie wurden für die Demonstration geschrieben und stammen nicht von den Kommunen.
survey-field-status = Status
survey-window = Antwortzeitraum
survey-questions = Fragen
survey-version = Version
survey-event = Veranstaltung
survey-response-rate = Rücklaufquote
survey-responses = Gezählte Antworten
survey-results = Ergebnisse
survey-preview = Vorschau des Formulars
survey-preview-lead = Alle Seiten des Formulars mit allen Fragen und den Bedingungen, unter denen sie angezeigt oder übersprungen werden.
survey-form-languages = Sprachen des Formulars
survey-shown-when = Angezeigt, wenn:
survey-download-form = XLSForm herunterladen
survey-your-answers = Die Antworten Ihrer Kommune
survey-answer-now = Umfrage beantworten
survey-see-answers = Antworten ansehen
survey-targets = Befragte Kommunen
survey-progress-none = Nicht begonnen
survey-progress-draft = Entwurf gespeichert
survey-progress-submitted = Eingereicht
survey-campaign = Kampagne
survey-field-title = Titel
survey-field-description = Beschreibung
survey-field-opens = Erster Tag für Antworten
survey-field-closes = Letzter Tag für Antworten
survey-field-audience = Wer darf die Ergebnisse lesen
survey-save-campaign = Kampagne speichern
survey-saved = Gespeichert.
survey-replace-form = Formular ersetzen
survey-replace-form-lead = Laden Sie ein geändertes XLSForm hoch. Gibt es bereits Antworten, wird es eine neue Version; die gegebenen Antworten bleiben bei der Version, auf die sie geantwortet haben.
survey-upload-title = XLSForm hochladen
survey-upload-lead = Ein Formular für KoboToolbox oder ODK mit den Blättern survey, choices und settings. Es wird geprüft, bevor etwas gespeichert wird; jedes Problem nennt Blatt und Zeile.
survey-field-form = Formulardatei (.xlsx oder Formular als Markdown-Tabelle)
survey-hint-form = Höchstens { $mb } MB.
survey-upload-button = Hochladen und prüfen
survey-error-form = Dieses Formular kann so nicht verwendet werden. Es wurde nichts gespeichert. Korrigieren Sie Folgendes und laden Sie es erneut hoch:
survey-error-no-file = Bitte wählen Sie eine Formulardatei.
survey-error-too-large = Die Datei überschreitet die zulässige Größe.
survey-error-not-xlsform = Diese Datei ist weder eine Excel-Arbeitsmappe (.xlsx) noch ein Formular als Markdown-Tabelle.
survey-error-no-title = Die Einstellungen des Formulars (Blatt settings) enthalten weder form_title noch form_id.
survey-error-title = Bitte geben Sie der Umfrage einen Titel.
survey-error-window = Der letzte Tag für Antworten muss nach dem ersten liegen.
survey-error-no-targets = Bitte wählen Sie die befragten Kommunen, bevor Sie die Umfrage öffnen.
survey-error-targets = Eine der gewählten Kommunen existiert nicht.
survey-error-date = Bitte geben Sie das Datum als JJJJ-MM-TT ein, zum Beispiel 2026-03-14.
survey-error-value = Bitte wählen Sie einen der angebotenen Werte.
survey-answering-for = Antwort für
survey-page = Seite
survey-required-mark = erforderlich
survey-answers-refused = Einige Antworten müssen noch einmal geprüft werden. Auf dieser Seite wurde nichts gespeichert:
survey-problem-required = Eine Antwort ist erforderlich.
survey-problem-whole = Bitte geben Sie eine ganze Zahl ein.
survey-problem-number = Bitte geben Sie eine Zahl ein.
survey-problem-date = Bitte geben Sie ein Datum als JJJJ-MM-TT ein, zum Beispiel 2026-03-14.
survey-problem-range = Dieser Wert liegt außerhalb der Skala.
survey-problem-choice = Bitte wählen Sie eine der angebotenen Antworten.
survey-problem-constraint = Diese Antwort wird nicht angenommen.
survey-back = Zurück
survey-save-draft = Entwurf speichern
survey-next = Speichern und weiter
survey-draft-saved = Entwurf gespeichert.
survey-read-only = Diese Umfrage nimmt derzeit keine Antworten an; die Antworten werden so angezeigt, wie sie gespeichert wurden.
survey-editing-submitted = Ihre Kommune hat ihre Antworten eingereicht. Änderungen, die Sie hier speichern, zählen erst, wenn Sie sie erneut einreichen.
survey-not-accepting = Diese Umfrage nimmt derzeit keine Antworten an. Es wurde nichts gespeichert.
survey-review-title = Prüfen und einreichen
survey-change = Ändern
survey-submit = Antworten einreichen
survey-submit-changes = Änderungen einreichen
survey-submitted = Vielen Dank: Die Antworten sind eingereicht.
survey-is-submitted = Diese Antworten sind eingereicht.
survey-changes-not-submitted = Die Änderungen sind gespeichert, aber noch nicht eingereicht: Es zählen weiterhin die zuvor eingereichten Antworten.
survey-break-down = Aufschlüsseln
survey-privacy-note = Zum Schutz der Antwortenden werden Zahlen unter { $n } nicht angezeigt („ausgeblendet“), ebenso keine Zahl, aus der sie sich errechnen ließen; 0 % und 100 % werden in kleinen Gruppen nicht angezeigt.
survey-answered = Beantwortet
survey-not-answered = Nicht beantwortet
survey-answer = Antwort
survey-all = Gesamt
survey-suppressed = ausgeblendet
survey-chart-description = Anteil der Kommunen, die diese Frage beantwortet haben, je Antwort; die Tabelle daneben enthält dieselben Zahlen.
survey-mean = Mittelwert
survey-median = Median
survey-quartiles = Quartile (25 % – 75 %)
search-type-survey = Umfrage
event-surveys = Umfragen zu dieser Veranstaltung
survey-download-answers = Antworten herunterladen
survey-with-names = Namen der Auswahlen
survey-with-labels = Beschriftungen
survey-reach = Antwortende erreichen
survey-remind-lead = Die Ansprechpersonen der angefragten Kommunen, die noch nicht eingereicht haben, per E-Mail in ihrer Sprache erinnern (jede Kommune höchstens einmal am Tag). Drei Tage vor Ende der Kampagne geht außerdem automatisch eine Erinnerung hinaus.
survey-remind = Erinnerungen senden
survey-reminders-sent = { $count } Erinnerungen in die Versandwarteschlange gestellt.
survey-not-accepting-reminders = Die Umfrage nimmt gerade keine Antworten an: Es wurde keine Erinnerung gesendet.
survey-links = Persönliche Links
survey-links-lead = Ein Link für eine namentlich genannte Person, per E-Mail gesendet: Er braucht kein Konto und nimmt eine Antwort an.
survey-field-link-name = Name der antwortenden Person
survey-field-link-email = Ihre E-Mail-Adresse
survey-field-link-municipality = Die Kommune, für die sie antwortet (optional)
survey-send-link = Link senden
survey-link-sent = Der Link ist unterwegs.
survey-new-version = Das Formular wurde nach eingegangenen Antworten geändert: Es ist jetzt eine neue Version, und die gegebenen Antworten behalten ihre.
survey-error-link-name = Geben Sie den Namen der antwortenden Person an.
survey-error-link-email = Geben Sie eine gültige E-Mail-Adresse an.
survey-error-link-draft = Öffnen Sie die Umfrage, bevor Sie Links senden.
survey-no-closing-date = ohne Enddatum
mail-survey-link-subject = Umfrage: { $survey }
mail-survey-link-body = Guten Tag { $name },

    Sie sind eingeladen, die Umfrage „{ $survey }“ zu beantworten. Ihr persönlicher Link (bitte nicht weitergeben):

    { $link }

    Sie können einen Entwurf speichern, später zurückkehren und bis { $closes } einreichen.
mail-survey-reminder-subject = Erinnerung: { $survey }
mail-survey-reminder-body = An die Ansprechperson von { $municipality },

    Die Umfrage „{ $survey }“ wartet noch auf die Antworten Ihrer Kommune. Sie können bis { $closes } antworten oder einen Entwurf abschließen:

    { $link }
survey-results-pdf = Die Ergebnisse als PDF
survey-problem-unknown = Das Formular hat keine Frage mit diesem Namen.
survey-api-refused = Einige Antworten wurden abgelehnt. Es wurde nichts gespeichert.
survey-api-not-text = Eine Antwort muss ein Text, eine Zahl oder true oder false sein.

## Plans
plan-action-plan = Aktionsplan
plan-of = für
plan-responsible = Verantwortliche Kommune
plan-illustrative = Die Fortschrittszahlen dieses Plans sind beispielhaft (Demonstrationsdaten).
plan-illustrative-short = beispielhafte Zahlen
plan-progress = Fortschritt
plan-progress-done = Erledigt
progress-percent = { $n } %
plan-no-progress = Noch keine Fortschrittszahl: kein Schritt zählt (keine, oder alle abgebrochen oder mit Gewicht 0).
plan-no-progress-short = noch keine Fortschrittszahl
plan-progress-rule = Der Fortschritt ist der gewichtete Mittelwert der Schritte: ein erledigter Schritt zählt 100 %, ein laufender Schritt seinen Prozentsatz, ein nicht begonnener 0 %. Abgebrochene Schritte und Schritte mit Gewicht 0 zählen nicht.
plan-timeline = Zeitplan
plan-timeline-desc = { $steps ->
    [one] Ein Schritt
   *[other] { $steps } Schritte
    } im zeitlichen Verlauf.
plan-timeline-milestones = { $count ->
    [one] Ein Meilenstein.
   *[other] { $count } Meilensteine.
    }
plan-steps = Schritte
plan-dates = Zeitraum
plan-actions = Aktionen
plan-not-counted = zählt nicht
plan-edit = Bearbeiten
plan-delete = Löschen
plan-back = Zurück zum Plan
plan-add-step = Schritt hinzufügen
plan-milestones = Meilensteine
plan-no-milestones = Noch keine Meilensteine.
plan-no-steps = Noch keine Schritte.
plan-not-reached = noch nicht erreicht
plan-milestone-due-on = fällig am { $date }
plan-milestone-reached-on = erreicht am { $date }
plan-add-milestone = Meilenstein hinzufügen
plan-indicators = Indikatoren
plan-no-indicators = Noch keine Indikatoren.
plan-attainment = Zielerreichung
plan-attainment-rule = Die Zielerreichung ist der Anteil des Weges vom Ausgangswert zum Zielwert, den die letzte Messung zurückgelegt hat, zwischen 0 und 100 %; sie stimmt auch, wenn der Zielwert unter dem Ausgangswert liegt.
plan-not-measured = noch nicht gemessen
plan-baseline = Ausgangswert
plan-target = Zielwert
plan-latest = Letzte Messung
plan-add-indicator = Indikator hinzufügen
plan-add-measurement = Messung erfassen
plan-events = Folgeveranstaltungen
plan-no-events = Keine Folgeveranstaltungen verknüpft.
plan-attach = Veranstaltung verknüpfen
plan-detach = Lösen
plan-municipality-heading = Aktionspläne
plan-status-not-started = Nicht begonnen
plan-status-in-progress = In Arbeit
plan-status-done = Erledigt
plan-status-cancelled = Abgebrochen
plan-new-steps = Neuer Schritt
plan-edit-steps = Schritt bearbeiten
plan-new-milestones = Neuer Meilenstein
plan-edit-milestones = Meilenstein bearbeiten
plan-new-indicators = Neuer Indikator
plan-edit-indicators = Indikator bearbeiten
plan-new-measurements = Messung erfassen
plan-edit-measurements = Messung
plan-new-events = Folgeveranstaltung verknüpfen
plan-edit-events = Folgeveranstaltung
plan-field-title = Titel
plan-field-owner = Verantwortlich
plan-field-owner-text = Verantwortlich (Abteilung, Person…)
plan-field-owner-municipality = Verantwortliche Kommune des Schritts
plan-field-starts-on = Beginn
plan-field-due-on = Fällig am
plan-field-reached-on = Erreicht am
plan-field-status = Stand
plan-field-percent = Erledigt in Prozent
plan-field-weight = Gewicht
plan-field-name = Name
plan-field-unit = Einheit
plan-field-baseline-value = Ausgangswert
plan-field-baseline-on = Datum des Ausgangswerts
plan-field-target-value = Zielwert
plan-field-target-on = Datum des Zielwerts
plan-field-indicator = Indikator
plan-field-measured-on = Gemessen am
plan-field-date = Datum
plan-field-value = Wert
plan-field-source = Quelle
plan-field-event = Veranstaltung
plan-hint-owner = Nennen Sie, wer den Schritt trägt, wählen Sie eine Kommune, oder beides.
plan-hint-percent = Eine ganze Zahl von 0 bis 100.
plan-hint-weight = Wie stark der Schritt im Fortschritt des Plans zählt (0 bis 1000; standardmäßig 1).
plan-hint-target = Anders als der Ausgangswert; er darf darunter liegen (weniger Wartende zum Beispiel).
plan-hint-source = Woher die Zahl stammt (ein Register, eine Umfrage, ein Bericht).
plan-error-required = Diese Angabe ist erforderlich.
plan-error-date = Geben Sie ein Datum im Format JJJJ-MM-TT an.
plan-error-date-order = Dieses Datum liegt vor dem, auf das es folgt.
plan-error-number = Geben Sie eine Zahl an (etwa 12 oder 4,5).
plan-error-percent = Geben Sie eine ganze Zahl von 0 bis 100 an.
plan-error-weight = Geben Sie eine ganze Zahl von 0 bis 1000 an.
plan-error-target-equals-baseline = Der Zielwert muss sich vom Ausgangswert unterscheiden.
plan-error-choice = Wählen Sie eine der angebotenen Möglichkeiten.
plan-error-too-long = Das ist zu lang.
plan-chart-desc = Ausgangswert: { $baseline } ({ $baseline_on }) → Zielwert: { $target } ({ $target_on }); letzte Messung: { $latest }
plan-error-number-grouped = Schreiben Sie die Zahl ohne Tausendertrennzeichen: 1500 oder 1,5 für anderthalb.
plan-error-year = Geben Sie ein Datum zwischen den Jahren 1900 und 2100 an.

## Projects
nav-projects = Projekte
search-type-project = Projektidee
event-projects = Projektideen aus dieser Veranstaltung
projects-title = Projektideen
projects-lead = Ideen aus Workshops und Beratungen, von der Idee bis zum Ergebnis verfolgt, mit den Partnerschaften, die sie tragen.
projects-count = { $count ->
    [one] Eine Projektidee
   *[other] { $count } Projektideen
}
projects-none = Keine Projektidee passt.
project-new = Eine Projektidee festhalten
project-edit = Projektidee bearbeiten
project-save = Speichern
project-form-lead = Schreiben Sie jeweils in einer Sprache; Übersetzungen kommen hinzu, wenn Sie die Idee in einer anderen Sprache bearbeiten.
project-writing-in = Sprache des Textes
project-lead = Federführung
project-status-idea = Idee
project-status-concept = Konzept
project-status-partnership-formed = Partnerschaft gebildet
project-status-in-implementation = In Umsetzung
project-status-completed = Abgeschlossen
project-status-dropped = Aufgegeben
project-visibility-public = Öffentlich
project-visibility-members = Nur Mitglieder
project-visibility-participants = Nur Beteiligte
project-partner-kind-municipality = Kommune
project-partner-kind-ngo = Zivilgesellschaftliche Organisation
project-partner-kind-academia = Hochschule oder Forschung
project-partner-kind-government = Staatliche Einrichtung
project-partner-kind-private = Privatwirtschaft
partnership-status-invited = Eingeladen
partnership-status-accepted = Partner
partnership-status-declined = Abgelehnt
partnership-status-left = Ausgetreten
partner-step-invited = eingeladen
partner-step-accepted = hat die Einladung angenommen
partner-step-declined = hat die Einladung abgelehnt
partner-step-left = ist aus der Partnerschaft ausgetreten
partner-step-removed = von der federführenden Kommune aus der Partnerschaft genommen
project-field-title = Titel
project-field-problem = Problem
project-field-objectives = Ziele
project-field-activities = Vorgeschlagene Aktivitäten
project-field-themes = Themen
project-field-event = Veranstaltung, aus der sie stammt
project-field-session = Sitzung
project-field-followups = Spätere Veranstaltungen, bei denen daran gearbeitet wurde
project-field-dilemma = Beratung, aus der sie stammt
project-field-lead = Federführende Kommune
project-field-visibility = Wer sie lesen darf
project-field-programme = Programm
project-field-programme_countries = Länder, die das Programm zusammenbringt
project-field-partners = Gesuchte Partner
project-field-status = Status
project-field-reason = Begründung
project-field-municipality = Kommune
project-partner-kind = Art des Partners
project-partner-country = Land
project-partner-expertise = Fachwissen
project-hint-lines = Eine Angabe pro Zeile.
project-hint-session = Wählen Sie die Veranstaltung und speichern Sie, um eine ihrer Sitzungen zu wählen.
project-hint-programme-countries = Ländercodes durch Kommas getrennt, zum Beispiel DE, TR: Partnerschaften zwischen Kommunen dieser Länder sind förderfähig.
project-hint-partners = Eine Zeile pro Art von Partner; eine leere Zeile wird entfernt. Nach dem Speichern erscheint eine weitere leere Zeile.
project-hint-reason = Nötig, wenn die Idee aufgegeben wird: Sagen Sie, warum.
project-illustrative = Diese Idee stammt aus den Demodaten: Ihre Partnerschaften und Fortschrittszahlen sind beispielhaft.
project-dropped-because = Aufgegeben, weil:
project-versions = Fassungen
project-partnerships = Partnerschaften
project-no-partners = Noch kein Partner.
project-accept = Einladung annehmen
project-decline = Ablehnen
project-leave = Partnerschaft verlassen
project-remove = Partnerschaft beenden
project-history = Verlauf
project-by = durch
project-invite-which = Eine Kommune einladen
project-invite = Einladen
project-suggestions = Vorgeschlagene Partner
project-suggestions-hint = Kommunen des Netzwerks, die mitmachen könnten, und warum.
project-reason-practice = { $municipality } hat „{ $practice }“ zum selben Thema veröffentlicht.
project-reason-themes = { $municipality } arbeitet zu { $themes }.
project-reason-languages = { $municipality } schreibt ebenfalls auf { $languages }.
project-reason-funded = Das Programm fördert Partnerschaften zwischen { $lead } und { $partner }.
project-see-practice = Praxisbeispiel lesen
project-plan = Aktionsplan
project-plan-open = Aktionsplan öffnen
project-plan-progress = { $percent } % erledigt
project-plan-steps = { $done } von { $steps } Schritten erledigt
project-plan-illustrative = Die Fortschrittszahlen des Plans sind beispielhaft.
project-no-plan = Noch kein Aktionsplan.
project-start-plan = Einen Aktionsplan beginnen
project-change-status = Status ändern
project-error-session = wählen Sie eine Sitzung der gewählten Veranstaltung
project-error-partner-kind = wählen Sie die Art jedes gesuchten Partners
project-error-transition = die Idee kann von ihrem jetzigen Stand nicht in diesen Status wechseln
project-error-reason = sagen Sie, warum die Idee aufgegeben wird
project-error-lead-partner = die federführende Kommune kann nicht ihr eigener Partner sein
project-error-already-partner = diese Kommune ist bereits eingeladen oder Partner
project-error-no-focal-point = diese Kommune hat keine Ansprechperson auf der Plattform, die eine Einladung beantworten könnte
project-error-no-invitation = es gibt keine offene Einladung zu beantworten
project-error-not-partner = diese Kommune ist kein Partner
mail-project-invited-subject = { $lead } lädt { $municipality } zu einer Projektpartnerschaft ein
mail-project-invited-body = Guten Tag,

    { $lead } lädt { $municipality } ein, Partner der Projektidee „{ $project }“ zu werden.

    Als Ansprechperson von { $municipality } können Sie die Idee hier lesen und die Einladung annehmen oder ablehnen:
    { $link }
mail-project-accepted-subject = { $municipality } hat Ihre Einladung angenommen
mail-project-accepted-body = Guten Tag,

    { $municipality } hat die Einladung angenommen, Partner der Projektidee „{ $project }“ zu werden.

    { $link }
mail-project-declined-subject = { $municipality } hat Ihre Einladung abgelehnt
mail-project-declined-body = Guten Tag,

    { $municipality } hat die Einladung abgelehnt, Partner der Projektidee „{ $project }“ zu werden.

    { $link }

## The outcomes chain: a municipality's ideas and partnerships, the network's figures, milestone calendars
municipality-projects-heading = Projektideen
municipality-partnerships-heading = Partnerschaften
network-projects-heading = Projektideen nach Status
network-projects-count = Ideen
network-partnerships-heading = Partnerschaften nach Status
network-partnership-status = Partnerschaft
network-partnerships-count = Partnerschaften
network-figures-total = Gesamt
project-milestones-ics = Meilensteine in Ihrem Kalender (iCalendar)
project-milestones-calendar = Meilensteine von „{ $title }“
project-milestone-of = Meilenstein der Projektidee „{ $title }“
project-milestone-reached = Erreicht am { $date }
project-milestone-open = Noch nicht erreicht
plan-milestones-ics = Die Meilensteine in Ihrem Kalender (iCalendar)

## Atom feeds
feed-network = Majlis: Neues aus dem Netzwerk
feed-practices = Majlis: gute Praxis
feed-resources = Majlis: Dokumente
feed-events = Majlis: Veranstaltungen
feed-consultations = Majlis: abgeschlossene Beratungen

# --- What a newcomer sees (issue 20): design system, events, home page, demo, admin ---
nav-menu = Menü
nav-account = Ihr Konto
events-showing-past = Zurzeit steht keine Veranstaltung an; daher sehen Sie die vergangenen Veranstaltungen, die neueste zuerst.
events-none-upcoming = Es wurde noch keine kommende Veranstaltung angekündigt.
events-see-past = Vergangene Veranstaltungen ansehen
events-none = Es wurde noch keine Veranstaltung angelegt.
events-clear-filters = Alle Veranstaltungen ohne Filter anzeigen
dilemma-contributions-closed = Für Beiträge geschlossen
dilemma-closed-on = geschlossen am
consultations-clear-filters = Alle Konsultationen anzeigen
consultations-none-yet = Es wurde noch keine Konsultation eröffnet.
compendiums-see-practices = Sehen Sie sich inzwischen die guten Praktiken an
home-upcoming = Demnächst
home-recent = Kürzlich stattgefunden
home-open-consultations = Konsultationen, die Beiträge annehmen
home-no-open-consultations = Zurzeit nimmt keine Konsultation Beiträge an.
home-concluded-consultations = Abgeschlossene Konsultationen lesen
home-all-consultations = Alle Konsultationen
home-all-events = Alle Veranstaltungen
home-practices = Neueste gute Praktiken
home-documents = Neueste Dokumente
home-more-upcoming = Alle kommenden Veranstaltungen ({ $count })
home-more-past = Alle vergangenen Veranstaltungen ({ $count })
home-more-practices = Alle guten Praktiken ({ $count })
home-more-documents = Alle Dokumente ({ $count })
home-figure-events = Veranstaltungen
home-figure-practices = Gute Praktiken
home-figure-documents = Dokumente
home-network-link = Mitglieder und Zahlen nach Land
compendium-publishing = Veröffentlichung
compendium-publish = Diese Ausgabe veröffentlichen
compendium-unpublish = Wieder zum Entwurf machen
compendium-draft-hint = Bis zur Veröffentlichung sehen nur Koordinatorinnen und Koordinatoren diese Ausgabe.
compendium-published-hint = Alle können sie lesen und als PDF herunterladen.
invitations-title = Offene Einladungen
invitations-lead = Per E-Mail verschickte, noch nicht angenommene Einladungen. Erneutes Senden erzeugt einen neuen, sieben Tage gültigen Link; der alte funktioniert nicht mehr.
invitations-none = Keine Einladung wartet auf Annahme.
invitations-by = Eingeladen von
invitations-link = Link
invitations-actions = Aktionen
invitations-expired = Abgelaufen
invitations-valid-until = gültig bis
invitations-resend = Erneut senden
invitations-revoke = Zurückziehen
invitations-resent = Die Einladung wurde mit einem neuen Link erneut gesendet.
invitations-revoked = Die Einladung wurde zurückgezogen; ihr Link funktioniert nicht mehr.
audit-action-created = Angelegt
audit-action-updated = Geändert
audit-action-cloned = Aus einer anderen Veranstaltung kopiert
audit-action-programme-changed = Programm geändert
audit-action-outcomes-changed = Ergebnisse geändert
audit-action-registered = Angemeldet
audit-action-registered-on-behalf = Vom Team angemeldet
audit-action-cancelled = Anmeldung storniert
audit-action-approved = Anmeldung bestätigt
audit-action-declined = Anmeldung abgelehnt
audit-action-checked-in = Anwesenheit erfasst
audit-action-check-in-undone = Anwesenheit zurückgenommen
audit-action-consent-given = Der Nennung zugestimmt
audit-action-consent-withdrawn = Nennung zurückgezogen
audit-action-invited = Eingeladen
audit-action-invitation-resent = Einladung erneut gesendet
audit-action-invitation-revoked = Einladung zurückgezogen
audit-action-joined = Per Einladung beigetreten
audit-action-account-created = Konto angelegt
audit-action-account-deleted = Konto gelöscht
audit-action-role-changed = Rolle geändert
audit-action-reactivated = Konto reaktiviert
audit-action-deactivated = Konto deaktiviert
audit-action-affiliation-added = Zugehörigkeit hinzugefügt
audit-action-affiliation-removed = Zugehörigkeit entfernt
audit-action-password-changed = Passwort geändert
audit-action-password-reset = Passwort per Link zurückgesetzt
audit-action-two-factor-on = Anmeldung in zwei Schritten eingeschaltet
audit-action-api-token-created = API-Token erstellt
audit-action-api-token-revoked = API-Token widerrufen
audit-action-calendar-feed-created = Kalenderadresse erstellt
audit-action-municipality-created = Kommune hinzugefügt
audit-action-profile-edited = Profil geändert
audit-action-organisation-created = Organisation hinzugefügt
audit-action-organisation-edited = Organisation geändert
audit-action-resource-created = Dokument hinzugefügt
audit-action-resource-updated = Dokument geändert
audit-action-resource-deleted = Dokument gelöscht
audit-action-resource-version-added = Sprachfassung hinzugefügt
audit-action-practice-saved = Praxis gespeichert
audit-action-practice-deleted = Praxis gelöscht
audit-action-practice-attachment-added = Datei an Praxis angehängt
audit-action-practice-submitted = Praxis zur Prüfung eingereicht
audit-action-practice-review-started = Prüfung begonnen
audit-action-practice-changes-requested = Änderungen erbeten
audit-action-practice-published = Praxis veröffentlicht
audit-action-practice-archived = Praxis archiviert
audit-action-practice-comment = Prüfkommentar
audit-action-compendium-created = Sammelband angelegt
audit-action-compendium-described = Beschreibung des Sammelbands geändert
audit-action-compendium-arranged = Kapitel des Sammelbands geordnet
audit-action-compendium-published = Sammelband veröffentlicht
audit-action-compendium-unpublished = Sammelband wieder Entwurf
audit-action-compendium-deleted = Sammelband gelöscht
audit-action-dilemma-create = Konsultation verfasst
audit-action-dilemma-open = Konsultation eröffnet
audit-action-dilemma-invite = Peer zur Konsultation eingeladen
audit-action-dilemma-conclude = Konsultation abgeschlossen
audit-action-dilemma-archive = Konsultation archiviert
audit-action-dilemma-queue = Konsultation auf die Tagesordnung einer Klinik gesetzt
audit-action-dilemma-joint = Konsultationen gemeinsam besprochen
audit-action-contribution-create = Beitrag veröffentlicht
audit-action-contribution-answer = Frage beantwortet
audit-action-contribution-helped = Als hilfreich markiert
audit-action-contribution-not-helped = Nicht mehr als hilfreich markiert
audit-action-contribution-hide = Beitrag von der Moderation ausgeblendet
audit-action-contribution-restore = Beitrag wieder angezeigt
audit-action-clinic-publish = Klinikbericht veröffentlicht
audit-action-clinic-withdraw = Klinikbericht zurückgezogen
audit-action-clinic-wrapup = Abschlussbotschaft verfasst
audit-action-signup-request = Beitritt beantragt
audit-action-signup-approve = Beitrittsantrag angenommen
audit-action-signup-decline = Beitrittsantrag abgelehnt
audit-action-signup-discard = Beitrittsantrag verworfen
audit-action-survey-create = Umfrage angelegt
audit-action-survey-form = Umfrageformular hochgeladen
audit-action-survey-campaign = Umfragekampagne geändert
audit-action-survey-link = Persönliche Umfragelinks erstellt
audit-action-survey-remind = Umfrageerinnerungen gesendet
audit-action-survey-submit = Umfrageantworten eingereicht
audit-action-plan-created = Aktionsplan angelegt
audit-action-project-saved = Projektidee gespeichert
audit-action-project-status = Status der Projektidee geändert
audit-object-kind-event = Veranstaltung
audit-object-kind-practice = Praxis
audit-object-kind-resource = Dokument
audit-object-kind-compendium = Sammelband
audit-object-kind-dilemma = Konsultation
audit-object-kind-contribution = Beitrag
audit-object-kind-clinic = Klinik
audit-object-kind-municipality = Kommune
audit-object-kind-organisation = Organisation
audit-object-kind-person = Person
audit-object-kind-invitation = Einladung
audit-object-kind-registration = Anmeldung
audit-object-kind-project = Projektidee
audit-object-kind-plan = Aktionsplan
audit-object-kind-survey = Umfrage
audit-object-kind-api-token = API-Token
audit-object-kind-signup_request = Beitrittsantrag
audit-detail = Details
audit-object-history = Alles Aufgezeichnete zu
# The API described (/api/docs) and open data downloads
api-docs-title = Die Majlis-API
api-docs-lead = Alles, was das Netzwerk veröffentlicht, können auch Programme lesen: Listen und einzelne Einträge als JSON, mit denselben Filtern wie die Seiten.
api-docs-machine-readable = Dieselbe Beschreibung, maschinenlesbar:
api-docs-in-english = Die technischen Beschreibungen unten sind auf Englisch.
api-docs-contents = Inhalt
api-docs-schemas = Datenstrukturen
api-docs-needs-token = Erfordert ein persönliches API-Token (Authorization: Bearer).
api-docs-token-optional = Für alle offen; mit einem persönlichen API-Token zeigt es auch, was dessen Inhaber sehen darf.
api-docs-parameters = Parameter
api-docs-name = Name
api-docs-where = Ort
api-docs-type = Typ
api-docs-required = Pflicht
api-docs-description = Beschreibung
api-docs-yes = ja
api-docs-no = nein
api-docs-request-body = Anfragetext
api-docs-responses = Antworten
api-docs-status = Status
api-docs-body = Inhalt
api-docs-headers = Kopfzeilen
api-docs-field = Feld
api-docs-always = Immer vorhanden
open-data-source = Quelle
open-data-licence-text = Lizenztext
open-data-language = Sprache
open-data-about-sheet = Info
open-data-col-id = ID
open-data-col-slug = Kurzname
open-data-col-name = Name
open-data-col-kind = Art
open-data-col-country-code = Ländercode
open-data-col-country-name = Land
open-data-col-country = Land
open-data-col-region = Region
open-data-col-population = Einwohner
open-data-col-population-year = Jahr der Einwohnerzahl
open-data-col-refugees-hosted = Aufgenommene Geflüchtete
open-data-col-refugees-year = Jahr der Geflüchtetenzahl
open-data-col-member-since = Mitglied seit
open-data-col-themes = Themen
open-data-col-url = Adresse
open-data-col-acronym = Kürzel
open-data-col-website = Website
open-data-col-title = Titel
open-data-col-title-lang = Sprache des Titels
open-data-col-original-language = Originalsprache
open-data-col-summary = Zusammenfassung
open-data-col-owner = Träger
open-data-col-year = Jahr
open-data-col-status = Status
open-data-col-languages = Sprachen
open-data-col-starts-at = Beginn
open-data-col-ends-at = Ende
open-data-col-timezone = Zeitzone
open-data-col-city = Stadt
open-data-col-online = Online
open-data-col-capacity = Plätze
open-data-col-question = Frage
open-data-col-question-lang = Sprache der Frage
open-data-col-presenter = Vorgestellt von
open-data-col-event = Veranstaltung
open-data-col-opens-at = Öffnet
open-data-col-closes-at = Schließt
open-data-col-licence = Lizenz
# Social-cohesion self-assessment (cohesion/)
cohesion-title = Selbsteinschätzung des sozialen Zusammenhalts
cohesion-link = Selbsteinschätzung des sozialen Zusammenhalts
cohesion-missing = zu wenige Antworten
cohesion-index = Zusammenhaltsindex
cohesion-peers = Mit anderen Kommunen vergleichen
cohesion-peers-all = das ganze Netzwerk
cohesion-peers-country = Kommunen im selben Land
cohesion-peers-population = Kommunen ähnlicher Größe
cohesion-peers-refugees = Kommunen mit ähnlichem Anteil Geflüchteter
cohesion-compare-with = Vergleichsgruppe
cohesion-compare = Vergleichen
cohesion-benchmark-too-few = Ausgeblendet: weniger als { $needed } vergleichbare Kommunen
cohesion-benchmark-unknown-group = Ausgeblendet: Im Profil der Kommune fehlt die Zahl, die dieser Vergleich braucht
cohesion-benchmark-earlier-wave = Verglichen wird nur die jüngste Welle
cohesion-radar-title = Bereiche des sozialen Zusammenhalts
cohesion-radar-desc = Der Wert der Kommune in jedem Bereich, von 0 bis 100; die gestrichelte Linie ist der Median des Netzwerks, wo er gezeigt wird. Dieselben Zahlen stehen in der Tabelle darunter.
cohesion-trend-title = Zusammenhaltsindex über die Wellen
cohesion-trend-desc = Der Index jeder Welle, von 0 bis 100; hohle Punkte wurden mit einer anderen Version des Rahmens gemessen. Dieselben Zahlen stehen in der Tabelle darunter.
cohesion-rule-missing = Fehlende Antworten: Eine Person zählt für einen Indikator, wenn die beantworteten Items mindestens die Hälfte seines Gewichts tragen; ein Bereich und der Index brauchen Werte für mindestens die Hälfte ihres Gewichts. „Weiß nicht“ wird nicht gewertet. Eine Zahl, die auf weniger als { $base } Befragten beruht, wird nicht gezeigt.
cohesion-rule-benchmark = Median und Interquartilsabstand des Netzwerks werden nur gezeigt, wenn mindestens { $needed } vergleichbare Kommunen in Frage kommen (ihre jüngste Welle, gleich gemessen).
cohesion-rule-scores = Jede Antwort wird zu einem Wert von 0 bis 100 (Aussagen, deren Zustimmung dem Zusammenhalt schadet, werden umgekehrt). Ein Indikator ist das gewichtete Mittel seiner Items, ein Bereich das seiner Indikatoren, der Index das seiner Bereiche. „Günstig“ ist der Anteil der Antworten auf der für den Zusammenhalt guten Seite; „Zustimmung“ ist der rohe Anteil der Zustimmenden, wie ihn das Spannungsmonitoring berichtet.
cohesion-rule-privacy = Antworten der Einwohner werden nie gezeigt: nur Summen, der Kommune und den Koordinatoren des Netzwerks, und hier, sobald die Kommune ihr Dashboard veröffentlicht.
cohesion-synthetic = Synthetische Daten: Diese Wellen wurden für die Demo erfunden; es sind keine Antworten echter Einwohner.
cohesion-not-published = Nicht veröffentlicht: Nur die Ansprechpersonen der Kommune und die Koordinatoren des Netzwerks sehen dieses Dashboard.
cohesion-wave = Welle
cohesion-weighted = nach Schichten gewichtet
cohesion-left-out = { $n } Befragte außerhalb der gewichteten Schichten nicht berücksichtigt
cohesion-favourable = Günstig
cohesion-network-median = Median des Netzwerks
cohesion-iqr = Interquartilsabstand
cohesion-not-comparable = Nicht mit den anderen Wellen vergleichbar: mit einer Version des Rahmens gemessen, deren Items sich geändert haben.
cohesion-domains = Bereiche
cohesion-domain = Bereich
cohesion-score = Wert
cohesion-peer-count = Vergleichskommunen
cohesion-indicators = Indikatoren
cohesion-indicator = Indikator
cohesion-trend = Entwicklung über die Wellen
cohesion-no-waves = Noch keine Welle ausgewertet.
cohesion-fielded = Ende der Feldphase
cohesion-framework = Rahmen
cohesion-items = Items und ihre Instrumente
cohesion-item = Item
cohesion-agree = Zustimmung
cohesion-instrument = Instrument
cohesion-reversed = umgekehrt
cohesion-named-peers = Kommunen, die ihren Index namentlich teilen
cohesion-how = Wie die Zahlen entstehen
cohesion-choices = Veröffentlichung
cohesion-publish = Dieses Dashboard veröffentlichen (alle dürfen es lesen)
cohesion-by-name = Unseren Index anderen Kommunen namentlich zeigen (sonst nur im anonymen Vergleich)
cohesion-save = Speichern
cohesion-link-index = Zusammenhaltsindex: { $score } / 100 (Welle { $wave })
cohesion-synthetic-short = synthetische Daten
## Following and notifications
nav-notifications = Mitteilungen
nav-notifications-unread = Mitteilungen ({ $count } neu)
follow-theme = Diesem Thema folgen
unfollow-theme = Diesem Thema nicht mehr folgen
follow-municipality = Dieser Kommune folgen
unfollow-municipality = Dieser Kommune nicht mehr folgen
follow-organisation = Dieser Organisation folgen
unfollow-organisation = Dieser Organisation nicht mehr folgen
follow-series = Dieser Veranstaltungsreihe folgen
unfollow-series = Dieser Veranstaltungsreihe nicht mehr folgen
follow-event = Dieser Veranstaltung folgen
unfollow-event = Dieser Veranstaltung nicht mehr folgen
follow-dilemma = Dieser Konsultation folgen
unfollow-dilemma = Dieser Konsultation nicht mehr folgen
follow-practice = Dieser Praxis folgen
unfollow-practice = Dieser Praxis nicht mehr folgen
following-title = Dem ich folge
following-lead = Neues zu dem, dem Sie folgen, erscheint in Ihren Benachrichtigungen und, wenn Sie möchten, per E-Mail. Wer sich zu einer Veranstaltung anmeldet, zu einer Konsultation beiträgt, ein Dilemma vorstellt oder eine Praxis verantwortet, folgt ihr automatisch; Sie können jederzeit aufhören zu folgen.
following-none = Sie folgen noch nichts. Nutzen Sie die Schaltflächen „Folgen“ auf den Seiten der Kommunen, Organisationen, Veranstaltungen, Konsultationen und Praxisbeispiele, oder wählen Sie unten Themen.
following-all-themes = Themen
following-kind-theme = Themen
following-kind-municipality = Kommunen
following-kind-organisation = Organisationen
following-kind-series = Veranstaltungsreihen
following-kind-event = Veranstaltungen
following-kind-dilemma = Konsultationen
following-kind-practice = Praxisbeispiele
notifications-title = Benachrichtigungen
notifications-none = Noch keine Benachrichtigungen. Folgen Sie Themen, Kommunen, Veranstaltungen oder Konsultationen, um hier von ihnen zu hören.
notifications-mark-read = Alle als gelesen markieren
notifications-new = Neu:
notice-practice-new =
    { $count ->
        [one] Eine neue Praxis
       *[other] { $count } neue Praxisbeispiele
    } { $on ->
        [theme] zum Thema { $via }
        [series] in { $via }
        [municipality] aus { $via }
        [organisation] von { $via }
       *[other] { "" }
    }
notice-resource-new =
    { $count ->
        [one] Ein neues Dokument
       *[other] { $count } neue Dokumente
    } { $on ->
        [theme] zum Thema { $via }
        [series] in { $via }
        [municipality] aus { $via }
        [organisation] von { $via }
       *[other] { "" }
    }
notice-event-new =
    { $count ->
        [one] Eine neue Veranstaltung
       *[other] { $count } neue Veranstaltungen
    } { $on ->
        [theme] zum Thema { $via }
        [series] in { $via }
        [municipality] aus { $via }
        [organisation] von { $via }
       *[other] { "" }
    }
notice-dilemma-new =
    { $count ->
        [one] Eine neue Konsultation
       *[other] { $count } neue Konsultationen
    } { $on ->
        [theme] zum Thema { $via }
        [series] in { $via }
        [municipality] aus { $via }
        [organisation] von { $via }
       *[other] { "" }
    }
notice-practice-changed = Die Praxis „{ $title }“ wurde aktualisiert
notice-event-changed = Die Veranstaltung „{ $title }“ hat sich geändert
notice-dilemma-changed = Neues in der Konsultation „{ $title }“
notice-kind-practice-new = Neue Praxisbeispiele in dem, dem ich folge
notice-kind-practice-changed = Änderungen an Praxisbeispielen, denen ich folge
notice-kind-resource-new = Neue Dokumente in dem, dem ich folge
notice-kind-event-new = Neue Veranstaltungen in dem, dem ich folge
notice-kind-event-changed = Änderungen an Veranstaltungen, denen ich folge
notice-kind-dilemma-new = Neue Konsultationen in dem, dem ich folge
notice-kind-dilemma-changed = Neues in Konsultationen, denen ich folge
notice-project-new =
    { $count ->
        [one] Eine neue Projektidee
       *[other] { $count } neue Projektideen
    } { $on ->
        [theme] zum Thema { $via }
        [municipality] aus { $via }
       *[other] { "" }
    }
notice-survey-new =
    { $count ->
        [one] Eine Umfrage geöffnet
       *[other] { $count } Umfragen geöffnet
    } { $on ->
        [municipality] für { $via }
       *[other] { "" }
    }
notice-cohesion-published = { $via } hat die Selbstbewertung zum sozialen Zusammenhalt veröffentlicht
notice-kind-project-new = Neue Projektideen zu dem, dem ich folge
notice-kind-survey-new = Geöffnete Umfragen für Kommunen, denen ich folge
notice-kind-cohesion-published = Veröffentlichte Zusammenhalts-Dashboards von Kommunen, denen ich folge
notice-delivery-now = Sofort
notice-delivery-daily = Tägliche Zusammenfassung
notice-delivery-weekly = Wöchentliche Zusammenfassung
notice-delivery-never = Nie per E-Mail
notice-settings-title = Benachrichtigungen per E-Mail
notice-settings-lead = Alles, dem Sie folgen, erscheint in Ihren Benachrichtigungen. Wählen Sie für jede Art, ob sie Sie auch per E-Mail erreicht: sofort, in einer Nachricht pro Tag oder Woche, oder nie. Zusammenfassungen gehen morgens hinaus (06:00 UTC; wöchentliche montags), und nur, wenn es etwas zu berichten gibt.
notice-settings-saved = Ihre Auswahl ist gespeichert.
notice-settings-invalid = Einige Angaben fehlen. Nichts wurde gespeichert: Wählen Sie für jede Art eine Möglichkeit.
notice-settings-choose = Wählen Sie eine Möglichkeit.
notice-settings-save = Auswahl speichern
unsubscribe-title = Diese E-Mails abbestellen
unsubscribe-lead = Damit enden die E-Mails zu Folgendem. Ihre Benachrichtigungen auf der Website, Ihre übrigen Einstellungen und Ihr Konto bleiben, wie sie sind.
unsubscribe-done = Erledigt: Sie erhalten keine E-Mails mehr zu Folgendem.
unsubscribe-confirm = Diese E-Mails abbestellen
unsubscribe-settings = Sie können das jederzeit wieder ändern, sobald Sie angemeldet sind:
mail-notice-intro = Das ist neu bei dem, dem Sie auf Majlis folgen.
mail-notice-footer =
    Wählen Sie, was Sie per E-Mail erreicht und wie oft: { $settings }

    E-Mails zu { $kinds } abbestellen: { $unsubscribe }
mail-notice-subject-now =
    { $count ->
        [one] Majlis: eine neue Benachrichtigung
       *[other] Majlis: { $count } neue Benachrichtigungen
    }
mail-notice-subject-daily = Ihre tägliche Majlis-Zusammenfassung ({ $count })
mail-notice-subject-weekly = Ihre wöchentliche Majlis-Zusammenfassung ({ $count })
imported-from = Übernommen von { $network }

## Plans aimed at cohesion indicators
cohesion-plan-title = Plan für einen Indikator
cohesion-plan-column = Plan
cohesion-plan-open = Plan öffnen
cohesion-plan-start = Plan beginnen
cohesion-plan-start-button = Plan beginnen
cohesion-plan-status = Stand
cohesion-plan-status-met = Ziel erreicht
cohesion-plan-status-not-yet-met = Noch nicht erreicht
cohesion-plan-status-not-met = Nicht erreicht: das Zieldatum ist vorbei
cohesion-plan-status-not-comparable = Nicht vergleichbar: die Fragen des Indikators haben sich geändert
cohesion-plan-status-not-measured = Noch nicht gemessen
cohesion-plan-baseline = Ausgangswert
cohesion-plan-target = Ziel (0–100)
cohesion-plan-target-hint = Der Wert, den der Indikator erreichen soll, von 0 bis 100.
cohesion-plan-target-on = Zieldatum
cohesion-plan-field-title = Titel (freiwillig)
cohesion-plan-measures = Messung jeder Welle
cohesion-plan-no-measure = Noch keine spätere Welle hat ihn gemessen.
cohesion-plan-open-steps = Schritte, Meilensteine und Nachverfolgung des Plans
cohesion-plan-share = Als Praxisbeispiel teilen
cohesion-plan-share-hint = Damit entsteht in der Bibliothek ein Entwurf eines Praxisbeispiels, aus diesem Plan ausgefüllt, den Sie ergänzen und einreichen.
cohesion-plan-open-practice = Entwurf des Praxisbeispiels öffnen
cohesion-plan-default-title = Plan: { $indicator }
cohesion-plan-error-required = Dieses Feld ist erforderlich.
cohesion-plan-error-target = Geben Sie eine Zahl von 0 bis 100 an.
cohesion-plan-error-date = Geben Sie ein Datum als JJJJ-MM-TT an.
cohesion-plan-error-title = Höchstens 200 Zeichen.
cohesion-plan-error-no-score = Dieser Indikator hat in der letzten Welle keinen Wert (zu wenige Antworten).
cohesion-plan-error-target-equals-baseline = Das Ziel muss sich vom Ausgangswert unterscheiden.
cohesion-plan-error-date-before = Das Zieldatum muss nach der Ausgangswelle liegen.
cohesion-plan-practice-summary = { $municipality } wollte den Indikator des sozialen Zusammenhalts „{ $indicator }“ verbessern: von { $baseline } auf { $result } von 100 in der Befragung der Einwohnerinnen und Einwohner.
cohesion-plan-practice-results = { $indicator }: { $baseline } / 100 ({ $first }) → { $result } / 100 ({ $last }); Ziel { $target }.
audit-action-cohesion-plan-started = Zusammenhaltsplan begonnen
audit-action-cohesion-plan-shared = Zusammenhaltsplan als Praxisbeispiel geteilt
cohesion-pdf = Das Dashboard als PDF
cohesion-fw-title = Rahmenwerke für sozialen Zusammenhalt
cohesion-fw-lead = Jedes Rahmenwerk hat Versionen: Bereiche, Indikatoren und die Befragungsfragen, die sie messen. Eine neue Version mit geänderten Fragen macht diese Indikatoren zwischen den Versionen nicht vergleichbar.
cohesion-fw-saved = Das Rahmenwerk wurde als neue Version gespeichert.
cohesion-fw-new = Version eines Rahmenwerks hinzufügen
cohesion-fw-none = Noch kein Rahmenwerk.
cohesion-fw-versions = Rahmenwerke und ihre Versionen
cohesion-fw-slug = Kurzname
cohesion-fw-version = Version
cohesion-fw-item-count = Fragen
cohesion-fw-new-lead = Fügen Sie eine Rahmenwerk-Datei ein (TOML, geschrieben wie das Rahmenwerk des Netzwerks) oder laden Sie sie hoch, prüfen Sie die Vorschau und speichern Sie sie als neue Version.
cohesion-fw-refused = Die Rahmenwerk-Datei kann nicht übernommen werden; nichts wurde gespeichert.
cohesion-fw-preview = Vorschau
cohesion-fw-compared = Verglichen mit Version { $previous }.
cohesion-fw-changed-count = { $n ->
    [0] Kein Indikator hat sich geändert.
    [one] Ein Indikator hat sich geändert: seine Werte sind zwischen den Versionen nicht vergleichbar.
   *[other] { $n } Indikatoren haben sich geändert: ihre Werte sind zwischen den Versionen nicht vergleichbar.
}
cohesion-fw-first = Die erste Version dieses Rahmenwerks.
cohesion-fw-weight = Gewicht
cohesion-fw-change-new = neu
cohesion-fw-change-changed = geändert: nicht vergleichbar mit der vorigen Version
cohesion-fw-change-same = unverändert
cohesion-fw-question = Frage
cohesion-fw-direction = Richtung
cohesion-fw-direction-higher = Zustimmung ist gut
cohesion-fw-direction-lower = Zustimmung ist schlecht (umgekehrt)
cohesion-fw-scale = Skala
cohesion-fw-removed = Indikatoren, die nicht mehr im Rahmenwerk sind
cohesion-fw-source = Rahmenwerk-Datei (TOML)
cohesion-fw-source-hint = Der Text der Datei; eine hochgeladene Datei ersetzt ihn.
cohesion-fw-file = Oder die Datei hochladen
cohesion-fw-file-hint = Eine .toml-Datei von höchstens { $kb } kB.
cohesion-fw-preview-button = Vorschau
cohesion-fw-save-button = Als neue Version speichern
cohesion-fw-error-no-file = Fügen Sie eine Rahmenwerk-Datei ein oder laden Sie sie hoch.
cohesion-fw-error-too-large = Die Datei ist zu groß.
cohesion-fw-error-not-text = Die Datei ist kein Text (UTF-8).
cohesion-fw-error-missing = Zeile { $line }: „{ $field }“ fehlt.
cohesion-fw-error-unknown = Zeile { $line }: „{ $field }“ ist kein Feld einer Rahmenwerk-Datei.
cohesion-fw-error-value = Zeile { $line }: der Wert von „{ $field }“ ist ungültig.
cohesion-fw-error-syntax = Zeile { $line }: das ist kein gültiges TOML (bei „{ $field }“).
cohesion-fw-error-name = Zeile { $line }: „{ $field }“ darf nur a–z, 0–9 und _ enthalten (1 bis 60 Zeichen, beginnend mit einem Buchstaben).
cohesion-fw-error-duplicate = Zeile { $line }: „{ $field }“ kommt zweimal vor.
cohesion-fw-error-weight = Zeile { $line }: das Gewicht von „{ $field }“ muss eine positive Zahl sein.
cohesion-fw-error-empty = Zeile { $line }: „{ $field }“ ist leer.
cohesion-fw-error-slug = Zeile { $line }: „slug“ darf nur a–z, 0–9 und - enthalten (beginnend mit einem Buchstaben).
cohesion-fw-error-scale = Zeile { $line }: die Skala „{ $field }“ hat in der Datei keine Antworten.
cohesion-fw-error-questionnaire = Der aus dem Rahmenwerk gebaute Fragebogen kann nicht gelesen werden: { $field }
cohesion-fw-error-version = Zeile { $line }: „version“ muss größer sein als { $latest }, die zuletzt gespeicherte Version dieses Rahmenwerks.
audit-action-cohesion-framework = Version eines Zusammenhalt-Rahmenwerks hinzugefügt
cohesion-waves-link = Wellen: starten und auswerten
cohesion-waves-title = Wellen der Befragung der Bevölkerung
cohesion-waves-lead = Eine Welle eröffnet für die Kommune eine Kampagne der Befragung der Bevölkerung des Rahmenwerks; die Menschen antworten über persönliche Links. Sobald genug Antworten da sind, werten Sie die Welle aus: ihre Zahlen erscheinen im Dashboard. Eine erneute Auswertung ersetzt sie.
cohesion-wave-started = Die Welle wurde gestartet: ihre Kampagne ist offen.
cohesion-wave-scored = Die Welle wurde ausgewertet.
cohesion-waves-list = Wellen
cohesion-waves-none = Noch keine Welle.
cohesion-wave-status = Stand
cohesion-wave-last-day = Letzter Tag der Erhebung
cohesion-wave-so-far = Bisherige Antworten
cohesion-wave-planned = Geplante Stichprobe
cohesion-wave-scores = Werte
cohesion-wave-status-collecting = Antworten werden gesammelt
cohesion-wave-status-closed = geschlossen
cohesion-wave-status-no-campaign = ohne Kampagne
cohesion-wave-campaign = die Kampagne
cohesion-wave-not-scored = noch nicht ausgewertet
cohesion-wave-score = Welle auswerten
cohesion-wave-rescore = Erneut auswerten
cohesion-wave-scored-n = ausgewertet, n = { $n }
cohesion-wave-score-hint = Die Auswertung liest die abgeschickten Antworten; eine erneute Auswertung ersetzt die Zahlen der Welle, und die Pläne zu ihren Indikatoren werden neu gemessen.
cohesion-wave-start = Eine Welle starten
cohesion-wave-start-lead = Die Kampagne öffnet jetzt und schließt nach ihrem letzten Tag. Geben Sie die geplante Stichprobe an und, wenn vorhanden, die geplanten Befragten und den Bevölkerungsanteil jeder Gruppe; mit Anteilen werden die Ergebnisse nach Gruppen gewichtet.
cohesion-wave-label = Name der Welle
cohesion-wave-label-hint = Wie die Kommune sie nennt, zum Beispiel „Frühjahr 2026“.
cohesion-wave-strata = Gruppen von Befragten (Schichten)
cohesion-wave-strata-hint = Alles freiwillig. Bevölkerungsanteile sind Prozente; geben Sie sie für jede Gruppe an, deren Antworten zählen sollen.
cohesion-wave-stratum-planned = geplante Befragte
cohesion-wave-stratum-weight = Anteil an der Bevölkerung (%)
cohesion-wave-start-button = Welle starten
cohesion-wave-error-framework = Wählen Sie ein Rahmenwerk.
cohesion-wave-error-label = Geben Sie der Welle einen Namen (höchstens 80 Zeichen).
cohesion-wave-error-closes = Geben Sie den letzten Tag als JJJJ-MM-TT an, von heute bis in zwei Jahren.
cohesion-wave-error-planned = Geben Sie die geplante Stichprobe als ganze Zahl von 1 bis 1.000.000 an.
cohesion-wave-error-strata = Geben Sie geplante Befragte als ganze Zahlen an.
cohesion-wave-error-strata-sum = Die geplanten Befragten der Gruppen sind mehr als die geplante Stichprobe.
cohesion-wave-error-weight = Geben Sie jeden Anteil als Prozentsatz von 0 bis 100 an.
cohesion-wave-error-weight-sum = Die Bevölkerungsanteile ergeben mehr als 100 % (oder nichts).
cohesion-wave-survey-title = Befragung der Bevölkerung, { $municipality }, { $wave }
cohesion-wave-survey-description = Selbsteinschätzung des sozialen Zusammenhalts in { $municipality }: wie Einheimische und Geflüchtete die Beziehungen, die Kommune, die Dienste, die Sicherheit und die Zugehörigkeit sehen. Die Antworten sind anonym: gezeigt werden nur Summen.
audit-action-cohesion-wave-started = Welle zum Zusammenhalt gestartet
audit-action-cohesion-wave-scored = Welle zum Zusammenhalt ausgewertet
cohesion-wave-links = Persönliche Links für Einwohnerinnen und Einwohner
cohesion-wave-links-lead = Jede Person erhält per E-Mail ihren eigenen Link: eine Antwort pro Link, ohne Konto. Gezeigt werden immer nur Summen.
cohesion-wave-link-sent = Der Link wurde verschickt.
cohesion-wave-link-name = Name der Person
cohesion-wave-link-email = E-Mail-Adresse der Person
cohesion-wave-link-locale = Sprache der Einladung
cohesion-wave-link-send = Link verschicken
cohesion-wave-error-link-closed = Wählen Sie eine Welle, deren Kampagne Antworten sammelt.
cohesion-links-list = Viele Einwohnerinnen und Einwohner auf einmal
cohesion-links-list-lead = Fügen Sie die einzuladenden Personen ein, eine pro Zeile, höchstens { $max } Zeilen. Jede erhält ihren eigenen Link per E-Mail, in der unten gewählten Sprache.
cohesion-links-list-format = Eine Person pro Zeile: amal@example.org, oder Amal Haddad <amal@example.org>, oder Amal Haddad, amal@example.org. Die Schicht der Person kann nach einem Komma folgen: Amal Haddad, amal@example.org, refugee.
cohesion-links-list-duplicates = Ist eine Zeile fehlerhaft, wird kein Link verschickt und jede fehlerhafte Zeile wird mit ihrer Nummer genannt. Eine Adresse, die zweimal in der Liste steht oder für diese Welle schon einen Link hat, wird übersprungen: Jede Adresse erhält einen Link, also eine Antwort.
cohesion-links-list-strata = Mögliche Schichten:
cohesion-links-list-text = Einwohnerinnen und Einwohner, eine Person pro Zeile
cohesion-links-list-send = Links verschicken
cohesion-links-list-refused = Nichts wurde verschickt. Korrigieren Sie diese Zeilen und senden Sie die Liste erneut:
cohesion-links-line = Zeile { $line }: { $problem }
cohesion-links-error-format = schreiben Sie eine Adresse, einen Namen und eine Adresse, oder einen Namen, eine Adresse und eine Schicht.
cohesion-links-error-email = das ist keine E-Mail-Adresse.
cohesion-links-error-name = der Name ist länger als 200 Zeichen.
cohesion-links-error-no-strata = der Rahmen dieser Welle hat keine Schichten: Lassen Sie die Schicht weg.
cohesion-links-error-stratum = unbekannte Schicht; verwenden Sie eine von: { $strata }.
cohesion-links-error-empty = Fügen Sie mindestens eine Person ein.
cohesion-links-error-too-many = Die Liste hat mehr als { $max } Zeilen: Senden Sie sie in Teilen.
cohesion-links-sent = { $n ->
    [one] Ein Link verschickt.
   *[other] { $n } Links verschickt.
}
cohesion-links-skipped-repeated = Übersprungen, weiter oben in der Liste wiederholt: Zeilen { $lines }.
cohesion-links-skipped-already = Übersprungen, für diese Welle schon mit Link: Zeilen { $lines }.
cohesion-municipal-survey-title = Kommunaler Fragebogen: { $municipality }, { $wave }
cohesion-municipal-survey-description = Politik, Dienstleistungen und Daten der Kommune für den sozialen Zusammenhalt, beantwortet von ihrer Ansprechperson einmal je Welle.
cohesion-municipal-title = Kommunaler Fragebogen
cohesion-municipal-lead = Jede Welle fragt auch die Kommune selbst nach ihrer Politik, ihren Dienstleistungen und ihren Daten. Ihre Ansprechperson antwortet einmal je Welle und kann Dokumente anhängen, die eine Antwort belegen.
cohesion-municipal-answered = Beantwortet
cohesion-municipal-not-answered = Noch nicht beantwortet
cohesion-municipal-answer = Fragebogen öffnen
cohesion-evidence-private = Die Dokumente sehen nur die Menschen der Kommune und die Koordination des Netzwerks, nie andere Kommunen oder die Öffentlichkeit.
cohesion-evidence-attached = Das Dokument wurde angehängt.
cohesion-evidence-none = Noch keine Dokumente angehängt.
cohesion-evidence-about = Was es belegt
cohesion-evidence-whole = Die Antwort als Ganzes
cohesion-evidence-file = Dokument
cohesion-evidence-attach = Dokument anhängen
cohesion-evidence-limits = PDF, Word, Excel, PowerPoint, OpenDocument, JPEG oder PNG, je höchstens { $mb } MB; höchstens { $max } Dokumente je Welle.
cohesion-evidence-error-none = Wählen Sie ein Dokument zum Anhängen.
cohesion-evidence-error-question = Wählen Sie eine Frage des Fragebogens oder die Antwort als Ganzes.
cohesion-evidence-error-kind = Hängen Sie ein Dokument an: PDF, Word, Excel, PowerPoint, OpenDocument, JPEG oder PNG.
cohesion-evidence-error-mismatch = Der Inhalt der Datei ist nicht, was ihr Name sagt (ihre Endung nennt einen anderen Typ). Benennen Sie sie um oder wählen Sie die richtige Datei.
cohesion-evidence-error-many = Diese Welle enthält schon so viele Dokumente, wie sie darf.
cohesion-evidence-remove = Entfernen
cohesion-evidence-removed = Das Dokument wurde entfernt.
audit-action-cohesion-evidence-attached = Nachweisdokument angehängt
audit-action-cohesion-evidence-removed = Nachweisdokument entfernt
cohesion-strata-title = Persönliche Links nach Schicht
cohesion-strata-lead = Für jede Welle, deren Stichprobenplan Schichten nennt: die in jeder Schicht geplanten Befragten, die dafür verschickten persönlichen Links (eine eingefügte Liste nennt die Schicht jeder Zeile) und wie viele dieser Links beantwortet wurden.
cohesion-stratum = Schicht
cohesion-strata-planned = Geplante Befragte
cohesion-strata-sent = Verschickte Links
cohesion-strata-answered = Beantwortet
cohesion-stratum-none = Ohne angegebene Schicht
cohesion-municipal-dashboard = Kommunale Politik und Dienste
cohesion-municipal-dashboard-lead = Die eigenen Antworten der Kommune auf den kommunalen Fragebogen der jüngsten Welle zu ihrer Politik, ihren Diensten und ihren Daten.
cohesion-municipal-question = Frage
cohesion-municipal-answer-column = Antwort
cohesion-municipal-documents = Dokumente
cohesion-municipal-unanswered = Nicht beantwortet
cohesion-municipal-no-score = Keine Frage beantwortet
cohesion-municipal-answered-n = { $n ->
    [one] 1 Frage beantwortet
   *[other] { $n } Fragen beantwortet
}
cohesion-municipal-unanswered-n = { $n ->
    [one] 1 Frage nicht beantwortet
   *[other] { $n } Fragen nicht beantwortet
}
cohesion-municipal-whole-n = An die Antwort als Ganzes angehängte Dokumente: { $n }
cohesion-municipal-not-submitted = Die Kommune hat ihre Antworten für diese Welle noch nicht abgeschickt.
cohesion-municipal-rule = Jede Antwort zählt ja 100, teilweise 50 und nein 0. Die Punktzahl eines Abschnitts ist der Mittelwert seiner beantworteten Fragen, die des Fragebogens der Mittelwert aller beantworteten Fragen; nicht beantwortete Fragen fließen nicht in die Punktzahlen ein und werden gezählt.
cohesion-municipal-documents-private = Die Dokumente selbst sehen nur die Leute der Kommune und die Koordinatorinnen und Koordinatoren des Netzwerks; hier wird nur ihre Anzahl gezeigt.

## Pictures and charts: the member map, charts of counts, a municipality's position
network-map = Die Mitglieder auf der Karte
network-map-source = Grenzen: Natural Earth (gemeinfrei). Jeder Punkt ist eine Mitgliedskommune; die Tabelle nennt sie alle.
network-map-places = { $count ->
    [one] Eine Kommune auf der Karte
   *[other] { $count } Kommunen auf der Karte
}
column-municipality = Kommune
network-chart-members = Mitgliedskommunen nach Land
network-chart-refugees = Aufgenommene Geflüchtete nach Land
network-refugees-none = Noch keine Mitgliedskommune hat eine Zahl aufgenommener Geflüchteter gemeldet, daher gibt es kein Diagramm: Ein Balken von 0 würde fälschlich sagen, dass niemand aufgenommen wurde.
network-refugees-unreported = { $count ->
    [one] Für ein Land ist keine Zahl gemeldet, daher hat es keinen Balken.
   *[other] Für { $count } Länder ist keine Zahl gemeldet, daher haben sie keinen Balken.
}
chart-table-beside = Dieselben Zahlen stehen in der Tabelle neben dem Diagramm.
edit-position = Lage auf der Karte
edit-position-hint = In Dezimalgrad, zum Beispiel 37.0662 und 37.3833; Süden und Westen sind negativ. Lassen Sie beide Felder leer, damit sie nicht auf der Karte erscheint.
edit-latitude = Breitengrad
edit-longitude = Längengrad
edit-error-latitude = Geben Sie einen Breitengrad zwischen -90 und 90 in Dezimalgrad an oder lassen Sie beide Koordinaten leer.
edit-error-longitude = Geben Sie einen Längengrad zwischen -180 und 180 in Dezimalgrad an oder lassen Sie beide Koordinaten leer.
picture-title = Fotos
picture-none = Noch keine Fotos.
picture-manage = Fotos hinzufügen oder entfernen
picture-add = Foto hinzufügen
picture-added = Das Foto wurde hinzugefügt.
picture-deleted = Das Foto wurde gelöscht.
picture-delete = Löschen
picture-file = Foto
picture-file-hint = JPEG, PNG oder WebP, höchstens { $size } MB. Es wird auf höchstens 640 Pixel Seitenlänge verkleinert angezeigt.
picture-alt = Beschreibung des Fotos (Alternativtext)
picture-alt-hint = Beschreiben Sie, was das Foto zeigt, für Menschen, die es nicht sehen können. Pflicht in der Sprache, in der Sie schreiben; Übersetzungen sind freiwillig.
picture-alt-orig = Geschrieben auf
picture-upload = Foto hochladen
picture-error-none = Wählen Sie ein Foto zum Hochladen.
picture-error-kind = Diese Datei ist kein JPEG-, PNG- oder WebP-Bild.
picture-error-unreadable = Dieses Bild kann nicht gelesen werden; es ist vielleicht beschädigt.
picture-error-many = Hier sind bereits so viele Fotos wie erlaubt (12).
picture-error-alt = Beschreiben Sie das Foto in der Sprache, die Sie unter „Geschrieben auf“ gewählt haben.
picture-error-alt-long = Jede Beschreibung darf höchstens 300 Zeichen lang sein.
audit-action-picture-added = Foto hinzugefügt
audit-action-picture-deleted = Foto gelöscht

## Languages, dates and time zones
event-your-time = In Ihrer Zeitzone:
time-zone-title = Zeitzone
time-zone-lead = Veranstaltungsseiten zeigen die Uhrzeiten in der Zeitzone des Veranstaltungsorts. Wählen Sie Ihre eigene, um sie auch in Ihrer Ortszeit zu sehen.
time-zone-field = Ihre Zeitzone
time-zone-hint = Ein Ortsname aus der Zeitzonen-Datenbank, etwa Europe/Istanbul oder Asia/Beirut. Leer lassen, um nur die Zeiten am Veranstaltungsort zu sehen.
time-zone-saved = Ihre Zeitzone ist gespeichert.
time-zone-unknown = Das ist keine Zeitzone aus der Liste. Wählen Sie eine wie Europe/Berlin oder lassen Sie das Feld leer.
time-zone-none = nicht gewählt (nur Zeiten am Veranstaltungsort)
countries-network = Länder des Netzwerks
countries-other = Weitere Länder
demo-stand-in-heading = Über diese Datei
demo-stand-in-text = Diese Datei steht im Demo-Netzwerk von Majlis für das Originaldokument. Die Quelldokumente der Demo nennen dieses Dokument in dieser Sprache, enthalten es aber nicht; deshalb wurde diese Seite beim Laden der Demo erzeugt, damit Lesen und Herunterladen ausprobiert werden können.
demo-stand-in-footer = Majlis-Demo-Netzwerk · Platzhalterdatei, nicht das Originaldokument
