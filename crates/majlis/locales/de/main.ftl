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
field-population_year = Jahr der Einwohnerzahl
field-refugees = Zahl der aufgenommenen Geflüchteten
field-refugees_year = Jahr der Angabe zu Geflüchteten
field-themes = Themen

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
