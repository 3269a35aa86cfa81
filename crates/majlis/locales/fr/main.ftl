# Messages de l’interface de Majlis (français).
# Every id here exists in ar, tr, fr and de too; a test checks it.

site-tagline = Apprentissage entre pairs pour les municipalités d’accueil
skip-to-content = Aller au contenu
nav-main = Menu principal
nav-languages = Langue
nav-home = Accueil
nav-municipalities = Municipalités
nav-organisations = Organisations
nav-network = Le réseau
footer-about = Majlis est la plateforme commune d’un réseau d’apprentissage entre pairs de municipalités qui accueillent des réfugiés et des migrants.
footer-api = Données ouvertes (API JSON)
breadcrumbs = Fil d’Ariane

language-en = anglais
language-ar = arabe
language-tr = turc
language-fr = français
language-de = allemand
shown-in = affiché en { $language }

home-title = Des municipalités qui apprennent les unes des autres
home-lead = Les municipalités membres et leurs partenaires partagent ce qui fonctionne dans l’accueil des réfugiés : bonnes pratiques, ateliers, consultations et enquêtes, en arabe, turc, anglais, français et allemand.
home-figures = Le réseau en chiffres
home-explore = Explorer
home-municipalities-text = Les municipalités membres, leurs chiffres, leurs thèmes et leurs points focaux.
home-organisations-text = Agences de développement, réseaux de villes, ONG et universités qui travaillent avec les membres.
home-network-text = Les membres par pays, avec les chiffres publiés par le réseau.

figure-municipalities = Municipalités
figure-countries = Pays
figure-organisations = Organisations partenaires
figure-themes = Thèmes
figure-refugees = Réfugiés accueillis

filter-country = Pays
filter-theme = Thème
filter-kind = Type
filter-all = Tous
filter-apply = Afficher
result-count = { $count ->
    [0] Aucun résultat
    [one] Un résultat
   *[other] { $count } résultats
}
themes-label = Thèmes
pager-label = Pages
pager-previous = Page précédente
pager-next = Page suivante
pager-position = Page { $page }

municipalities-title = Municipalités membres
municipalities-lead = Municipalités, districts et unions de municipalités qui participent au réseau.
municipalities-empty = Aucune municipalité ne correspond à ces filtres.
refugees-hosted = Réfugiés accueillis : { $count }
municipality-profile = Profil
municipality-facts = Données clés
fact-population = Population
fact-refugees = Réfugiés accueillis
fact-member-since = Membre depuis
fact-figures = Chiffres
fact-none = non communiqué
themes-of-interest = Thèmes d’intérêt
focal-points = Points focaux
focal-points-none = Aucun point focal n’est encore indiqué.

organisations-title = Organisations partenaires
organisations-lead = Organisations qui soutiennent les municipalités membres et participent aux activités du réseau.
organisations-empty = Aucune organisation ne correspond à ces filtres.
organisation-website = Site web

network-title = Le réseau
network-lead = Où se trouvent les membres et les partenaires du réseau, et ce qu’ils communiquent.
network-by-country = Membres et partenaires par pays
network-refugees-note = Les chiffres sur les réfugiés sont la somme des données communiquées par les municipalités membres ; la plupart n’en ont pas encore communiqué.
network-figures-from = { $count ->
    [0] aucune municipalité
    [one] selon une municipalité
   *[other] selon { $count } municipalités
}
column-country = Pays

municipality-kind-municipality = Municipalité
municipality-kind-metropolitan-municipality = Municipalité métropolitaine
municipality-kind-district-municipality = Municipalité de district
municipality-kind-union-of-municipalities = Union de municipalités
municipality-kind-district = District
municipality-kind-city-district = Arrondissement

organisation-kind-development-agency = Agence de développement
organisation-kind-city-network = Réseau de villes
organisation-kind-ngo = ONG
organisation-kind-university = Université ou école supérieure
organisation-kind-ministry = Ministère
organisation-kind-union-of-municipalities = Union de municipalités
organisation-kind-international-organisation = Organisation internationale
organisation-kind-research-institute = Institut de recherche
organisation-kind-government-agency = Agence gouvernementale
organisation-kind-foundation = Fondation
organisation-kind-private-sector = Secteur privé
organisation-kind-consultancy = Cabinet de conseil

field-page = numéro de page
field-per_page = nombre par page
field-country = pays
field-theme = thème
field-kind = type
field-members = membres

error-status = Erreur { $status }
error-back-home = Retour à la page d’accueil
error-not-found-title = Page introuvable
error-not-found = Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien contient une faute de frappe.
error-bad-request-title = Cette requête n’a pas pu être comprise
error-bad-request = Une partie de l’adresse n’a pas pu être comprise. Vérifiez-la et réessayez.
error-bad-request-field = La valeur indiquée pour « { $field } » n’est pas valide. Vérifiez-la et réessayez.
error-method-not-allowed-title = Non autorisé
error-method-not-allowed = Cette adresse n’accepte pas ce type de requête.
error-internal-title = Une erreur s’est produite
error-internal = Une erreur s’est produite de notre côté. Elle a été enregistrée ; veuillez réessayer dans un instant.

nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
login-title = Connexion
login-lead = Connectez-vous avec l’adresse e-mail et le mot de passe de votre compte Majlis.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = L’adresse e-mail ou le mot de passe est incorrect.
login-deactivated = Ce compte a été désactivé. Si vous en avez de nouveau besoin, adressez-vous à un coordinateur du réseau.
login-too-many = Trop de tentatives de connexion. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
login-signed-out = Déconnexion effectuée.
account-title = Mon compte
account-name = Nom
account-role = Rôle
account-sessions = Vos connexions en cours
account-session-device = Adresse et navigateur
account-session-current = ce navigateur
account-session-started = Date de connexion
account-session-last-seen = Dernière activité
account-sign-out-everywhere = Se déconnecter partout
role-admin = Administrateur
role-coordinator = Coordinateur
role-member = Membre
role-expert = Expert
field-form = formulaire
error-sign-in-required-title = Veuillez vous connecter
error-sign-in-required = Cette page est réservée aux membres connectés. Connectez-vous pour continuer.
error-forbidden-title = Non autorisé
error-forbidden = Vous n’avez pas l’autorisation d’effectuer cette action.
error-csrf-title = Ce formulaire a expiré
error-csrf = Ce formulaire a expiré ou a été envoyé depuis un autre site. Rechargez la page et réessayez.
error-too-many-requests-title = Trop de tentatives
error-too-many-requests = Trop de tentatives en peu de temps. Patientez un peu et réessayez.
nav-people = Personnes
people-title = Personnes
people-lead = Toutes les personnes qui ont un compte. Désactiver un compte ferme aussitôt toutes ses sessions.
people-status = Statut
people-active = Actif
people-inactive = Désactivé
people-role-of = Rôle de { $name }
people-change-role = Changer le rôle
people-deactivate = Désactiver
people-reactivate = Réactiver
people-updated = La modification est enregistrée.
field-role = rôle
field-active = statut
people-invite = Inviter quelqu’un
invite-title = Inviter quelqu’un
invite-lead = La personne reçoit un lien par e-mail. Il ne fonctionne qu’une seule fois, pendant sept jours.
invite-email = Adresse e-mail
invite-role = Rôle
invite-municipality = Municipalité
invite-municipality-none = Aucune
invite-focal-point = Point focal de cette municipalité (agit en son nom)
invite-locale = Langue du message
invite-submit = Envoyer l’invitation
invite-sent = Invitation envoyée à { $email }.
invite-email-invalid = Saisissez une adresse e-mail valide.
invite-email-taken = Un compte existe déjà avec cette adresse e-mail.
join-title = Rejoindre Majlis
join-lead = Vous avez reçu une invitation à rejoindre Majlis avec le rôle { $role }. Choisissez le nom que les autres verront et un mot de passe.
join-name = Votre nom
join-password = Mot de passe
join-password-again = Mot de passe (confirmation)
join-password-hint = Entre 8 et 128 caractères. Une phrase dont vous vous souvenez fait très bien l’affaire.
join-submit = Créer mon compte
join-password-mismatch = Les deux mots de passe sont différents.
join-name-missing = Indiquez votre nom.
join-password-short = Le mot de passe doit comporter au moins 8 caractères.
join-password-long = Le mot de passe doit comporter au plus 128 caractères.
join-password-common = Ce mot de passe fait partie des plus courants. Choisissez-en un autre.
invitation-not-found = Ce lien d’invitation n’est pas valide. Vérifiez que vous avez copié le lien en entier.
invitation-expired = Cette invitation a expiré. Demandez-en une nouvelle à un coordinateur du réseau.
invitation-used = Cette invitation a déjà été utilisée. Connectez-vous plutôt avec votre compte.
field-municipality = municipalité
field-locale = langue
mail-invitation-subject = Votre invitation à Majlis
mail-invitation-body = Bonjour,

    { $inviter } vous invite à rejoindre Majlis, la plateforme du réseau d’apprentissage entre pairs des municipalités qui accueillent des réfugiés.

    Ouvrez ce lien pour choisir votre nom et votre mot de passe :
    { $link }

    Ce lien ne fonctionne qu’une seule fois, jusqu’au { $until }.

edit-municipality = Modifier le profil
edit-saved = Le profil est enregistré.
edit-errors = Certains champs sont à revoir :
edit-original-language = Langue d’origine
edit-name = Nom
edit-region = Région ou province
edit-figure = Nombre
edit-year = Année du chiffre
edit-save = Enregistrer
edit-error-figure = saisissez un nombre entier compris entre 0 et 100 000 000
edit-error-year = saisissez une année comprise entre 1900 et l’année en cours
edit-error-orig = choisissez l’une des cinq langues
edit-error-too-long = le texte est trop long
edit-error-name-original = le nom est obligatoire dans la langue d’origine
edit-error-profile-original = rédigez aussi le profil dans la langue d’origine
edit-error-theme = thème inconnu
field-orig = langue d’origine
field-name = nom
field-profile = profil
field-region = région
field-population = population
field-latitude = latitude
field-longitude = longitude
field-population_year = année du chiffre de population
field-refugees = réfugiés accueillis
field-refugees_year = année du chiffre des réfugiés accueillis
field-themes = thèmes
municipality-new = Nouvelle municipalité
municipality-create = Ajouter la municipalité
organisation-new = Nouvelle organisation
organisation-create = Ajouter l’organisation
organisation-edit = Modifier l’organisation
organisation-saved = L’organisation est enregistrée.
edit-slug = Adresse (identifiant)
edit-slug-hint = Lettres minuscules a–z sans accents, chiffres et traits d’union, par exemple « gaziantep-sahinbey ». Elle fait partie de l’adresse de la page et ne pourra plus être modifiée.
edit-kind = Type
edit-country = Pays
edit-acronym = Sigle
edit-website-hint = Une adresse complète commençant par https:// ou http://
edit-description = Description
edit-error-slug = utilisez uniquement des lettres minuscules a–z sans accents, des chiffres et des traits d’union
edit-error-slug-taken = cette adresse est déjà prise
edit-error-kind = choisissez un type dans la liste
edit-error-country = choisissez un pays dans la liste
edit-error-website = saisissez une adresse web commençant par https:// ou http://
edit-error-description-original = rédigez aussi la description dans la langue d’origine
field-slug = adresse
field-member_since = membre depuis
field-acronym = sigle
field-website = site web
field-description = description

two-factor-title = Validation en deux étapes
two-factor-login-lead = Saisissez le code à 6 chiffres affiché par votre application d’authentification, ou l’un de vos codes de récupération.
two-factor-code = Code
two-factor-submit = Continuer
two-factor-wrong = Ce code est incorrect ou a déjà été utilisé.
two-factor-too-many = Trop de codes incorrects. Patientez 15 minutes et réessayez.
two-factor-setup-lead = Scannez cette image avec une application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator), ou saisissez-y la clé, puis saisissez le code à 6 chiffres affiché par l’application.
two-factor-key = Clé
two-factor-enable = Activer
two-factor-on = La validation en deux étapes est activée.
two-factor-recovery = Codes de récupération
two-factor-recovery-lead = Conservez ces codes en lieu sûr. Si vous perdez votre téléphone, chacun d’eux vous permet de vous connecter une seule fois. Ils ne sont affichés que maintenant.
two-factor-codes-left = Codes de récupération restants : { $count }
two-factor-required-note = Les coordinateurs et les administrateurs doivent utiliser la validation en deux étapes ; elle est facultative pour les autres.
account-two-factor = Validation en deux étapes
error-two-factor-required-title = Validation en deux étapes requise
error-two-factor-required = Les pages réservées aux coordinateurs et aux administrateurs nécessitent la validation en deux étapes. Activez-la d’abord dans votre compte.
error-action-two-factor = Activer la validation en deux étapes

reset-forgot-link = Mot de passe oublié ?
reset-title = Mot de passe oublié ?
reset-lead = Saisissez l’adresse e-mail de votre compte. Nous vous envoyons un lien pour choisir un nouveau mot de passe ; il ne fonctionne qu’une seule fois, pendant 15 minutes.
reset-send = Envoyer le lien
reset-sent = Si un compte utilise cette adresse, un lien vient d’y être envoyé. Consultez votre boîte de réception.
reset-new-title = Choisissez un nouveau mot de passe
reset-save = Enregistrer le nouveau mot de passe
reset-done = Votre mot de passe est modifié. Toutes vos sessions ont été fermées ; connectez-vous avec le nouveau mot de passe.
reset-not-found = Ce lien n’est pas valide. Vérifiez que vous avez copié le lien en entier.
reset-expired = Ce lien a expiré. Demandez-en un nouveau.
reset-used = Ce lien a déjà été utilisé. Demandez-en un nouveau si nécessaire.
mail-reset-subject = Choisissez un nouveau mot de passe pour Majlis
mail-reset-body = Bonjour,

    Quelqu’un a demandé à changer le mot de passe de votre compte Majlis. Si c’est vous, ouvrez ce lien dans les { $minutes } minutes :
    { $link }

    Si ce n’est pas vous, ignorez ce message : votre mot de passe reste inchangé.

nav-audit = Journal d’audit
audit-title = Journal d’audit
audit-lead = Chaque modification du contenu, des rôles et des paramètres : qui l’a faite, quand et depuis quelle adresse.
audit-person = Personne (numéro)
audit-object = Objet
audit-object-id = Numéro de l’objet
audit-from = Du
audit-to = Au
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-where = Adresse d’origine
audit-empty = Aucune modification enregistrée ne correspond à ces filtres.
audit-backup-age = Dernière sauvegarde réussie : il y a { $hours } heures.
audit-backup-none = Aucune sauvegarde n’a encore été faite : voir « Backups » dans le README.
audit-system = ligne de commande
field-person = personne
field-object = objet
field-object_id = numéro d’objet
field-from = date de début
field-to = date de fin

account-download-data = Télécharger mes données (JSON)
delete-title = Supprimer mon compte
delete-lead = Votre profil, vos sessions et vos liens avec des municipalités sont supprimés aussitôt. C’est irréversible.
delete-kept = Ce que vous avez fait sur la plateforme reste dans son historique, attribué à « un ancien membre ». Téléchargez d’abord vos données si vous souhaitez en garder une copie.
delete-content-legend = Ce que vous avez écrit
delete-content-keep = Le garder, attribué à « un ancien membre »
delete-content-delete = Le supprimer aussi : mes contributions aux consultations, les consultations que j’ai lancées (avec ce que d’autres y ont écrit) et mes brouillons de pratiques. Les pratiques soumises au nom d’une municipalité restent à la municipalité.
delete-confirm-password = Votre mot de passe, pour confirmer
delete-submit = Supprimer définitivement mon compte
delete-wrong-password = Le mot de passe est incorrect. Rien n’a été supprimé.
delete-last-admin = Vous êtes le dernier administrateur. Nommez d’abord quelqu’un d’autre administrateur.
delete-done = Votre compte est supprimé.
audit-former-member = un ancien membre
tokens-title = Jetons d’API
tokens-lead = Un jeton personnel permet à un programme d’utiliser l’API JSON avec vos droits : envoyez-le sous la forme « Authorization: Bearer … ». Révoquez un jeton dès que vous n’en avez plus besoin.
tokens-name = Nom du jeton
tokens-create = Créer un jeton
tokens-created = Voici votre nouveau jeton. Copiez-le maintenant : il n’est affiché que cette fois.
tokens-none = Vous n’avez aucun jeton d’API.
tokens-last-used = Dernière utilisation
tokens-revoke = Révoquer
tokens-bad-name = Donnez au jeton un nom de 1 à 100 caractères.
password-title = Changer mon mot de passe
password-lead = Après le changement, toutes vos sessions sont fermées, y compris dans ce navigateur ; reconnectez-vous avec le nouveau mot de passe.
password-current = Mot de passe actuel
password-current-wrong = Le mot de passe actuel est incorrect. Rien n’a été modifié.

## Library, practices, compendiums
nav-library = Bibliothèque
library-title = Bibliothèque
library-lead = Les documents du réseau dans les langues où ils existent : notes conceptuelles, rapports, présentations, fiches pratiques et bien plus.
library-sections = Rubriques de la bibliothèque
library-documents = Documents
library-practices = Bonnes pratiques
library-compendiums = Recueils
library-empty = Aucun document ne correspond à ces filtres.
filter-language = Langue
filter-year = Année
filter-sort = Ordre
sort-newest = Les plus récents d’abord
sort-oldest = Les plus anciens d’abord
sort-title = Par titre
form-choose = Choisir…
form-required = obligatoire
form-error-choose = Choisissez l’une des options proposées.
form-error-required = Ce champ est obligatoire.
form-error-too-long = Ce texte est trop long.
form-error-year = Indiquez une année à quatre chiffres.
form-error-period = La fin est antérieure au début.
form-error-email = Ce n’est pas une adresse e-mail.
form-error-link = Indiquez une adresse web commençant par https:// ou http://.
form-error-file-or-link = Indiquez soit un fichier, soit un lien.
form-error-original = Remplissez ce champ dans la langue d’origine.
upload-hint = PDF, Word, PowerPoint, Excel, OpenDocument, JPEG, PNG ou WebP ; { $size } Mo au maximum.
upload-error-empty = Le fichier est vide.
upload-error-too-large = Le fichier dépasse la taille maximale autorisée.
upload-error-type = Ce type de fichier n’est pas accepté : uniquement des PDF, des documents bureautiques et des images.
upload-error-bomb = Une fois décompressé, ce fichier occuperait bien plus que sa taille ; il a été refusé.
upload-error-malformed = Ce fichier est endommagé et ne peut pas être lu.
upload-error-failed = Le fichier n’a pas pu être enregistré. Rien n’a été sauvegardé ; veuillez réessayer.
visibility-public = Tout le monde
visibility-members = Membres uniquement
resource-new = Ajouter un document
resource-authors = Auteurs
resource-organisations = Organisations
resource-countries = Pays
resource-licence = Licence
resource-month = Mois
resource-visibility = Qui peut le lire
resource-languages = Langues
resource-versions = Versions linguistiques
resource-no-versions = Aucune version n’a encore été ajoutée.
resource-download = Télécharger
resource-open-link = Ouvrir le lien
resource-not-available = annoncée, pas encore disponible
resource-practices = Bonnes pratiques associées
resource-add-version = Ajouter une version linguistique
resource-first-version = Première version linguistique
resource-kind-concept-note = Note conceptuelle
resource-kind-framing-note = Note de cadrage
resource-kind-report = Rapport
resource-kind-presentation = Présentation
resource-kind-practice-sheet = Fiche pratique
resource-kind-toolkit = Boîte à outils
resource-kind-policy-brief = Note d’orientation
resource-kind-compendium = Recueil
resource-kind-programme = Programme
resource-kind-video-link = Vidéo
resource-kind-photo-reportage = Reportage photo
resource-kind-dataset = Jeu de données
practices-title = Bonnes pratiques
practices-lead = Ce que les municipalités membres et leurs partenaires ont réalisé, et ce que d’autres peuvent en apprendre.
practices-empty = Aucune pratique publiée ne correspond à ces filtres.
my-practices-title = Mes pratiques
my-practices-lead = Les pratiques que vous avez lancées et celles des municipalités dont vous êtes point focal, quel que soit leur statut.
review-title = Pratiques à examiner
review-lead = Pratiques soumises pour examen. Ouvrez-en une pour la commenter, demander des modifications ou la publier.
practice-new = Soumettre une pratique
practice-edit = Modifier
practice-versions = Versions
practice-sheet-pdf = Fiche pratique (PDF)
practice-status = Statut
practice-status-draft = Brouillon
practice-status-submitted = Soumise
practice-status-in-review = En cours d’examen
practice-status-published = Publiée
practice-status-archived = Archivée
practice-archived-note = Cette pratique a été archivée : elle n’est peut-être plus d’actualité.
practice-original-language = Langue d’origine
practice-last-verified = Dernière vérification
practice-ongoing = En cours
practice-period-ongoing = Depuis { $start }, en cours
practice-attachments = Pièces jointes et documents
practice-no-attachments = Aucune pièce jointe pour l’instant.
practice-add-attachment = Joindre
practice-history = Historique de l’examen
practice-review-actions = Examen
practice-steps = Étapes
practice-step-about = À propos de la pratique
practice-step-story = Défi et démarche
practice-step-results = Résultats et enseignements
practice-step-finish = Pièces jointes et examen
practice-writing-in = Langue de rédaction
practice-translation = traduction
practice-saved = Enregistré.
practice-save-continue = Enregistrer et continuer
practice-save-draft = Enregistrer le brouillon
practice-checklist = Avant de la soumettre pour examen
practice-complete = Tout ce qui est nécessaire est renseigné.
practice-missing = Il manque encore :
practice-contact-hint = Visible uniquement par les membres connectés.
practice-field-title = Titre
practice-field-summary = Résumé
practice-field-target-groups = Publics cibles
practice-field-challenge = Défi
practice-field-approach = Démarche et activités
practice-field-partners = Partenaires
practice-field-results = Résultats et indicateurs
practice-field-lessons = Facteurs de réussite et enseignements tirés
practice-field-transferability = Transférabilité et ressources nécessaires
practice-field-owner = Municipalité ou organisation
practice-field-country = Pays
practice-field-city = Ville
practice-field-department = Service
practice-field-contact = Personne de contact
practice-field-contact-name = Personne de contact
practice-field-contact-email = E-mail de contact
practice-field-themes = Thèmes
practice-field-period = Période
practice-field-start-year = Début (année)
practice-field-end-year = Fin (année)
practice-field-presenter = Présentée par
practice-field-presented-at = Où elle a été présentée
practice-field-comment = Commentaire
practice-field-orig = Langue d’origine
practice-field-kind = Type
practice-field-year = Année
practice-field-month = Mois
practice-field-visibility = Qui peut le lire
practice-field-countries = Pays
practice-field-organisations = Organisations
practice-field-authors = Auteurs
practice-field-licence = Licence
practice-field-introduction = Introduction
practice-field-edition = Édition
practice-field-publisher = Éditeur
practice-field-practices = Pratiques
practice-field-version-lang = Langue
practice-field-version-title = Titre dans cette langue
practice-field-version-file = Fichier
practice-field-version-url = Ou un lien
practice-action-submitted = Soumettre pour examen
practice-action-review-started = Commencer l’examen
practice-action-changes-requested = Demander des modifications
practice-action-published = Publier
practice-action-archived = Archiver
practice-action-comment = Commenter
practice-review-submitted = Soumise pour examen
practice-review-review-started = Examen commencé
practice-review-changes-requested = Modifications demandées
practice-review-published = Publiée
practice-review-archived = Archivée
practice-review-comment = Commentaire
former-member = un ancien membre
versions-from = Version de départ
versions-to = Version d’arrivée
versions-compare = Comparer
versions-changes = { $count ->
    [one] { $count } modification
   *[other] { $count } modifications
}
compendiums-title = Recueils
compendiums-lead = Des sélections de bonnes pratiques par thème, à lire ici ou à imprimer.
compendiums-empty = Aucun recueil n’a encore été publié.
compendium-new = Nouvelle édition
compendium-draft = Brouillon
compendium-published = Publié
compendium-pdf = Télécharger en PDF
compendium-contents = Sommaire
compendium-introduction = Introduction
compendium-edition = Édition (par ex. mai 2017)
compendium-publisher = Éditeur
compendium-arrange = Choisir les pratiques
compendium-arrange-lead = Classez les pratiques publiées dans des chapitres par thème et indiquez leur ordre ; laissez les autres de côté.
compendium-published-practices = Pratiques publiées
compendium-chapter = Chapitre
compendium-order = Ordre
compendium-not-included = Non incluse
print-footer = Majlis · réseau d’apprentissage entre pairs des municipalités d’accueil

## Events
nav-events = Événements
events-title = Événements
events-lead = Ateliers entre pairs, webinaires, visites de terrain et modules de l’académie du réseau : programmes, supports et ce qui en est ressorti.
events-empty = Aucun événement ne correspond à ces filtres.
events-when = Quels événements
events-when-upcoming = À venir
events-when-past = Passés
events-when-all = Tous
events-subscribe = S’abonner à ces événements (iCalendar)
events-mine = Mes événements
events-mine-empty = Vous n’êtes inscrit à aucun événement.
events-calendar-name = Événements Majlis
events-my-calendar-name = Mes événements Majlis
events-my-feed = Votre agenda personnel
events-my-feed-hint = Une adresse secrète que les logiciels d’agenda peuvent suivre : elle liste les événements auxquels vous êtes inscrit. Toute personne qui connaît l’adresse peut lire la liste ; gardez-la donc pour vous.
events-my-feed-new = Voici votre nouvelle adresse. Elle n’est affichée que cette fois : copiez-la maintenant dans votre logiciel d’agenda.
events-my-feed-address = Adresse de l’agenda
events-my-feed-exists = Vous avez déjà une adresse d’agenda. En créer une nouvelle désactive l’ancienne.
events-my-feed-create = Créer une adresse d’agenda
events-my-feed-replace = Créer une nouvelle adresse
event-new = Nouvel événement
event-edit = Modifier l’événement
event-edit-programme = Modifier le programme
event-edit-outcomes = Modifier le bilan
event-registrations = Inscriptions
event-manage = Gérer l’événement
event-clone = Copier en tant que nouvel événement
event-series = Série
event-when = Quand
event-where = Où
event-times-in = heures du fuseau
event-date-approximate = (date exacte non consignée)
event-online = en ligne
event-online-link = Lien pour participer en ligne
event-online-link-hidden = Le lien pour participer est communiqué aux participants inscrits.
event-organisers = Organisateurs
event-partners = Partenaires
event-languages = Langues de travail
event-interpretation = Interprétation
event-add-to-calendar = Ajouter à mon agenda (iCalendar)
event-registration = Inscription
event-capacity = { $count ->
    [one] Une place
   *[other] { $count } places
}
event-places-left = { $count ->
    [0] plus aucune place
    [one] une place restante
   *[other] { $count } places restantes
}
event-waiting-count = { $count ->
    [one] une personne en attente
   *[other] { $count } personnes en attente
}
event-programme = Programme
event-programme-empty = Le programme ne comporte encore aucune session.
event-day = Jour { $number }
event-materials = Supports
event-material-announced = annoncé, pas encore disponible
event-outcomes = Bilan
event-report = Rapport
event-takeaways = Messages clés
event-practices-presented = Pratiques présentées
event-outcomes-later = Consultations et idées de projets
event-outcomes-later-hint = Les consultations menées et les idées de projets nées lors de cet événement seront listées ici au fur et à mesure de leur enregistrement.
event-outcomes-empty = Rien n’a encore été consigné sur le bilan de l’événement.
event-participants = Participants
event-participants-total = { $count ->
    [one] Un participant
   *[other] { $count } participants
}
event-figures-by-hand = chiffres saisis par les coordinateurs à partir des registres de l’événement
event-figures-attendance = comptés d’après les présences enregistrées
event-figures-registrations = comptés d’après les inscriptions
event-figures-by-country = Participants par pays
event-figures-by-kind = Participants par type d’organisation
event-figures-count = Participants
event-figures-kind = Type d’organisation
event-figures-countries = Pays représentés
event-figures-unknown = Non précisé
event-figures-none = Aucun chiffre de participation n’a été enregistré.
event-participant-list = Participants ayant accepté de figurer sur la liste
event-participant-list-hint = Seules les personnes qui y ont consenti apparaissent ici ; elles peuvent retirer leur consentement à tout moment.
event-form-description = Description
event-form-translation-hint = Vous ajoutez une traduction : les champs laissés vides conservent le texte d’origine.
event-form-kind = Type et visibilité
event-form-time-place = Date et lieu
event-field-title = Titre
event-field-summary = Résumé
event-field-context = Contexte et justification
event-field-objectives = Objectifs
event-field-expected-results = Résultats attendus
event-field-audience = Public cible
event-field-kind = Type d’événement
event-field-status = Statut
event-field-visibility = Qui peut le voir
event-field-series = Série
event-field-themes = Thèmes
event-field-timezone = Fuseau horaire
event-field-starts = Début
event-field-ends = Fin
event-field-city = Ville
event-field-country = Pays
event-field-address = Adresse
event-field-online = Se tient en ligne (ou aussi en ligne)
event-field-online-url = Lien pour participer en ligne
event-field-languages = Langues de travail
event-field-interpretation = Interprétation
event-field-organisers = Organisateurs
event-field-partners = Partenaires
event-field-capacity = Nombre de places
event-field-needs-approval = Les inscriptions doivent être approuvées par un coordinateur
event-field-registration-opens = Ouverture des inscriptions
event-field-registration-closes = Clôture des inscriptions
event-field-questions = Questions posées à l’inscription
event-field-answers = Réponses
event-field-day = Jour
event-field-position = Ordre dans la journée
event-field-session-starts = Début à
event-field-session-ends = Fin à
event-field-session-kind = Type de session
event-field-parent = Groupe de travail de la session
event-field-session = Session
event-field-role = Rôle
event-field-email = Adresse e-mail d’un membre
event-field-name = Nom
event-field-organisation = Organisation
event-field-affiliation = Fonction et rattachement
event-field-resource = Document de la bibliothèque
event-field-report = Rapport (un document de la bibliothèque)
event-field-takeaways = Messages clés
event-field-practices = Pratiques présentées
event-field-total = Nombre de participants
event-field-by-country = Participants par pays
event-field-countries = Pays représentés
event-field-note = Origine des chiffres
event-hint-summary = Une ou deux phrases affichées dans les listes.
event-hint-context = Pourquoi l’événement a lieu. Séparez les paragraphes par une ligne vide.
event-hint-objectives = Un objectif par ligne.
event-hint-expected-results = Un résultat par ligne.
event-hint-audience = Qui devrait y participer.
event-hint-timezone = Le fuseau horaire du lieu, par exemple Europe/Istanbul ou Asia/Amman ; en ligne, celui de l’organisateur.
event-hint-online-url = Visible uniquement par les participants inscrits et les coordinateurs.
event-hint-capacity = Laissez vide pour ne fixer aucune limite. Lorsque toutes les places sont prises, les personnes sont inscrites sur une liste d’attente.
event-hint-questions = Une question par ligne. Commencez une ligne par * pour rendre la question obligatoire.
event-hint-position = Un nombre ; laissez vide pour placer la session en dernier dans sa journée.
event-hint-parent = Choisissez une session pour faire de celle-ci l’un de ses groupes de travail parallèles.
event-hint-person-email = Pour un membre de Majlis. Pour un invité, laissez ce champ vide et indiquez le nom.
event-hint-takeaways = Un message par ligne.
event-hint-by-country = Une ligne par pays : son code à deux lettres et un nombre, par exemple TR 38.
event-hint-countries = Codes à deux lettres séparés par des espaces, lorsque seule la liste des pays est connue.
event-figures-by-hand-legend = Chiffres de participation saisis manuellement
event-figures-by-hand-hint = Pour les événements organisés sans inscriptions sur Majlis. La page de l’événement précise que les chiffres ont été saisis manuellement.
event-no-practices = Aucune pratique n’a encore été publiée.
event-not-translated = pas encore traduit dans cette langue
event-session-add = Ajouter une session
event-session-edit = Modifier la session
event-session-delete = Supprimer la session
event-person-add = Ajouter une personne à une session
event-person-remove = Retirer
event-material-attach = Joindre un document
event-whole-event = L’ensemble de l’événement
event-detach = Détacher
event-kind-peer-workshop = Atelier entre pairs
event-kind-webinar = Webinaire
event-kind-field-visit = Visite de terrain
event-kind-dialogue-workshop = Atelier de dialogue
event-kind-academy-module = Module de l’académie
event-status-planned = Prévu
event-status-open = Inscriptions ouvertes
event-status-held = Réalisé
event-status-cancelled = Annulé
session-kind-opening = Ouverture
session-kind-keynote = Conférence principale
session-kind-panel = Table ronde modérée et plénière
session-kind-working-groups = Groupes de travail parallèles
session-kind-recap = Récapitulatif
session-kind-field-visit = Visite de terrain
session-kind-consultation-clinic = Clinique de consultation
session-kind-presentations = Présentations
session-kind-results = Restitution des résultats
session-kind-next-steps = Prochaines étapes
session-kind-closing = Clôture
session-role-moderator = Modérateur
session-role-rapporteur = Rapporteur
session-role-speaker = Intervenant
session-role-panellist = Panéliste
session-role-facilitator = Facilitateur
session-role-expert = Expert
session-role-keynote = Conférencier principal
registration-register = S’inscrire
registration-join-waiting = S’inscrire sur la liste d’attente
registration-sign-in = Connectez-vous pour vous inscrire
registration-not-open = Les inscriptions ne sont pas ouvertes.
registration-needs-approval = Chaque inscription est confirmée par un coordinateur.
registration-consent = Faire figurer mon nom et mon organisation parmi les participants sur la page publique
registration-consent-save = Enregistrer mon choix
registration-cancel = Annuler mon inscription
registration-you-registered = Vous êtes inscrit.
registration-you-waiting = Vous êtes sur la liste d’attente ; vous recevrez un e-mail si une place se libère.
registration-you-pending = Votre inscription attend l’approbation d’un coordinateur.
registration-you-cancelled = Vous avez annulé votre inscription.
registration-you-declined = Votre inscription n’a pas été acceptée.
registration-error-closed = Les inscriptions à cet événement sont closes.
registration-error-already = Cette personne est déjà inscrite.
registration-error-state = Cette inscription a changé entre-temps ; consultez à nouveau la liste.
registration-status = Statut
registration-status-registered = Confirmée
registration-status-waiting = En liste d’attente
registration-status-pending = En attente d’approbation
registration-status-cancelled = Annulée
registration-status-declined = Refusée
registration-count-registered = Inscrits : { $count }
registration-count-waiting = En liste d’attente : { $count }
registration-count-pending = En attente d’approbation : { $count }
registration-count-attended = Présents : { $count }
registration-add = Inscrire un membre
registration-add-hint = L’adresse e-mail du membre ; l’inscription est faite en son nom.
registration-list = Inscriptions
registration-list-empty = Personne ne s’est encore inscrit.
registration-answers = Réponses
registration-actions = Actions
registration-approve = Approuver
registration-decline = Refuser
registration-check-in = Enregistrer la présence
registration-undo-check-in = Annuler l’enregistrement de la présence
registration-cancel-for = Annuler
registration-attended = présent
registration-listed = figure sur la liste publique
edit-writing-in = Langue de rédaction
edit-original = Texte d’origine
form-error-timezone = Choisissez un fuseau horaire dans la liste, par exemple Europe/Istanbul.
form-error-datetime = Indiquez une date et une heure, par exemple 2026-03-14T09:30.
form-error-ends-before-starts = La fin doit être postérieure au début.
form-error-too-long-event = Un événement dure au maximum 31 jours.
form-error-venue = Indiquez une ville, ou précisez que l’événement se tient en ligne.
form-error-capacity = Indiquez un nombre entier de 1 à 100000, ou laissez le champ vide.
form-error-too-many-questions = Posez au maximum 10 questions.
form-error-number = Indiquez un nombre entier.
form-error-time = Indiquez une heure en heures et minutes, par exemple 14:30.
form-error-no-member = Aucun membre actif n’a cette adresse e-mail.
form-error-name-or-member = Indiquez l’adresse e-mail d’un membre ou le nom d’un invité.
form-error-country-lines = Chaque ligne doit comporter un code de pays connu à deux lettres et un nombre, par exemple TR 38.
form-error-more-than-total = Le total par pays dépasse le nombre de participants.
mail-event-promoted-subject = Une place s’est libérée pour vous : { $event }
mail-event-promoted-body = Bonjour,

    Une place s’est libérée et vous êtes désormais inscrit à « { $event } ».
    Les détails figurent sur la page de l’événement :
    { $link }

    Si vous ne pouvez plus venir, merci d’y annuler votre inscription afin que quelqu’un d’autre puisse prendre la place.
mail-event-reminder-subject = Demain : { $event }
mail-event-reminder-body = Bonjour,

    Nous vous rappelons que « { $event } » commence le { $when }.
    Lieu : { $place }

    Programme et supports :
    { $link }
event-field-registration = Inscription

## Search
nav-search = Recherche
search-title = Recherche
search-label = Rechercher des pratiques, documents, événements et membres, dans toutes les langues
search-button = Rechercher
search-hint = Des mots en arabe, turc, anglais, français ou allemand trouvent aussi les contenus écrits dans les autres langues sur le même thème.
search-sort = Ordre
search-sort-relevance = Les plus pertinents d’abord
search-sort-newest = Les plus récents d’abord
search-refine = Affiner les résultats
search-clear-filters = Retirer les filtres
search-facet-type = Type
search-facet-theme = Thème
search-facet-country = Pays
search-facet-language = Langue
search-facet-year = Année
search-start = Saisissez quelques mots pour lancer la recherche.
search-empty = Aucun résultat. Essayez d’autres mots, moins de mots, ou retirez un filtre.
search-type-practice = Bonne pratique
search-type-resource = Document
search-type-event = Événement
search-type-organisation = Organisation
search-type-municipality = Municipalité
search-related = Voir aussi
practice-presented-at-events = Présentée lors de
resource-used-at-events = Événements
resource-edit = Modifier le document
resource-delete = Supprimer le document
resource-delete-hint = Le document et toutes ses versions linguistiques disparaissent de la bibliothèque, des événements et des pratiques. C’est définitif.
resource-delete-confirm = Oui, supprimer
resource-deleted = Le document a été supprimé.
practice-delete = Supprimer la pratique
practice-delete-hint = La pratique, ses versions et ses pièces jointes disparaissent de la bibliothèque, des recueils et des événements ; les consultations qui l’ont partagée gardent ce qui y a été écrit. C’est définitif.
practice-delete-confirm = Oui, supprimer
practice-deleted = La pratique a été supprimée.
compendium-describe = Modifier la description
compendium-translation-hint = Vous rédigez une traduction : le texte d’origine est affiché au-dessus des champs, et un champ laissé vide s’affiche dans la langue d’origine.
compendium-chapter-introductions = Introductions des chapitres
compendium-chapter-introductions-hint = Imprimées sous le titre de chaque chapitre, sur la page et dans le PDF. Un chapitre apparaît ici dès que des pratiques y sont placées et enregistrées.
compendium-delete = Supprimer cette édition
compendium-delete-hint = L’édition, ses chapitres et sa sélection de pratiques disparaissent ; les pratiques elles-mêmes restent dans la bibliothèque. C’est définitif.
compendium-delete-confirm = Oui, supprimer
compendium-deleted = L’édition a été supprimée.

## Consultations
nav-consultations = Consultations
search-type-dilemma = Consultation
consultations-title = Consultations entre pairs
consultations-lead = Une ville présente un dilemme de politique publique ; des pairs posent des questions ouvertes et partagent ce qui a fonctionné ailleurs, puis le résultat est consigné.
consultations-count = { $count ->
    [one] Une consultation
   *[other] { $count } consultations
}
consultations-none = Aucune consultation ne correspond à ces filtres.
consultation-new = Soumettre un dilemme à des pairs
consultation-new-lead = Décrivez votre dilemme sous forme de question et donnez les informations dont les pairs ont besoin. Il est enregistré comme brouillon ; vous l’ouvrez ensuite pour une période donnée et invitez des pairs.
consultation-save-draft = Enregistrer le brouillon
consultation-dilemma = Dilemme
consultation-moderation = Contributions signalées
consultation-open = Ouvrir la consultation
consultation-open-hint = Les pairs peuvent alors poser des questions ouvertes pendant { $days } jours.
consultation-open-ideas = Ouvrir la seconde phase : idées et expériences
consultation-ideas-hint = Les pairs posent d’abord des questions ouvertes, et vous y répondez. Lorsque chaque question a sa réponse, ouvrez la seconde phase pour que les pairs puissent partager idées, expériences et pratiques.
consultation-unanswered = { $count ->
    [one] Une question attend encore votre réponse.
   *[other] { $count } questions attendent encore votre réponse.
}
consultation-open-questions = Questions ouvertes
consultation-ideas-shared = Idées et pratiques partagées
consultation-no-questions = Aucune question ouverte pour l’instant.
consultation-no-ideas = Aucune idée ni expérience pour l’instant.
consultation-contribute = Participer
consultation-phase-one-hint = Première phase : posez une question ouverte qui aide le porteur du dilemme à y porter un autre regard. Les idées viennent lors de la seconde phase.
consultation-phase-two-hint = Seconde phase : partagez une idée, une expérience, ou une pratique ou un document de la bibliothèque.
consultation-send = Envoyer
consultation-conclude = Conclusion
consultation-conclude-send = Enregistrer la conclusion et clôturer
consultation-archive = Archiver cette consultation
consultation-participants = Participants
consultation-suggested-peers = Pairs à inviter
consultation-invite-after-open = Les invitations sont envoyées par e-mail une fois la consultation ouverte.
consultation-no-suggestions = Aucun pair à suggérer : ajoutez des thèmes au dilemme, ou adressez-vous à un coordinateur.
consultation-invite-legend = Suggestions fondées sur les thèmes communs et les pratiques associées
consultation-invite = Inviter
consultation-former-member = Un ancien membre
consultation-question-n = Question { $n }
consultation-report-of = Consultations lors de « { $event } »
consultation-wrapup = Synthèse finale
consultation-wrapup-session = Séance de synthèse finale
consultation-error-closed = Cette consultation n’accepte pas de contributions.
consultation-error-period-over = La période de cette consultation est terminée ; seule sa conclusion peut encore être rédigée.
consultation-error-ideas-not-open = Les idées s’ouvrent lors de la seconde phase, une fois que le porteur du dilemme a répondu aux questions ouvertes.
consultation-error-unanswered = Répondez à chaque question ouverte avant d’ouvrir la seconde phase.
consultation-error-not-draft = Cette consultation est déjà ouverte.
consultation-error-not-question = Seules les questions ouvertes reçoivent une réponse.
consultation-error-not-concluded = Seule une consultation conclue peut être archivée.
consultation-error-question-short = Formulez le dilemme sous forme de question d’au moins 10 caractères.
consultation-error-period = Indiquez un nombre de jours de 1 à 60.
consultation-error-municipality = Choisissez une municipalité dont vous faites partie.
consultation-error-url = Indiquez une adresse web commençant par https:// ou http://.
consultation-error-link-missing = Choisissez une pratique ou un document, ou indiquez une adresse web.
consultation-error-nobody = Choisissez au moins une personne.
form-error-unknown = Ce choix ne fait pas partie des options proposées.
dilemma-closes = clôture le
dilemma-phase-questions = questions ouvertes
dilemma-phase-ideas = idées et expériences
dilemma-joint = Examiné conjointement avec
dilemma-field-question = Le dilemme, sous forme de question
dilemma-field-information = Informations sur le dilemme
dilemma-field-result = Résultat de la discussion
dilemma-field-status = Statut
dilemma-field-presenter = Présenté par
dilemma-field-affiliation = Municipalité ou organisation
dilemma-field-municipality = Municipalité
dilemma-field-organisation = Organisation
dilemma-field-place = Lieu
dilemma-field-city = Ville
dilemma-field-country = Pays
dilemma-field-themes = Thèmes
dilemma-field-help = Aide recherchée
dilemma-field-visibility = Qui peut le lire
dilemma-field-period = Ouvert pendant (jours)
dilemma-field-event = Examiné lors de
dilemma-field-kind = Type de contribution
dilemma-field-text = Votre contribution
dilemma-field-practice = Bonne pratique
dilemma-field-resource = Document
dilemma-field-url = Adresse web
consultation-choices-hint = Les listes montrent jusqu'à { $n } pratiques et documents, d'abord ceux qui portent sur les thèmes de cette consultation. Pour en partager un autre, collez son adresse ci-dessous.
dilemma-field-answer = Réponse
dilemma-field-reason = Motif
dilemma-field-people = Personnes
dilemma-field-key = Formulaire
dilemma-field-author-name = Propos de
dilemma-field-author = Auteur
dilemma-field-wrapup = Message de synthèse finale
dilemma-hint-question = Par exemple : comment atteindre les enfants dont les familles ne voient dans notre pays qu’un pays de transit ? 500 caractères au maximum.
dilemma-hint-information = Le contexte dont les pairs ont besoin : ce que vous avez essayé, qui est concerné, ce qui vous limite. 5000 caractères au maximum.
dilemma-hint-period = De 1 à 60 jours ; 14 si le champ est laissé vide.
dilemma-status-draft = Brouillon
dilemma-status-open = Ouverte : questions
dilemma-status-in-discussion = En discussion
dilemma-status-concluded = Conclue
dilemma-status-archived = Archivée
dilemma-visibility-public = Tout le monde
dilemma-visibility-members = Membres connectés
dilemma-visibility-participants = Uniquement les personnes qui y participent
contribution-kind-question = Question ouverte
contribution-kind-idea = Idée
contribution-kind-experience = Expérience
contribution-kind-link = Pratique ou document
help-sought-practices = Pratiques qui ont fonctionné ailleurs
help-sought-experience = Expérience des pairs
help-sought-expertise = Avis d’experts
help-sought-partners = Partenaires pour un projet
participant-role-presenter = porteur du dilemme
participant-role-invited = invité
participant-role-rapporteur = rapporteur
suggest-reason-municipality = travaille sur ces thèmes
suggest-reason-expert = expert de ces thèmes
suggest-reason-practice = auteur d’une pratique associée
contribution-helped = Cela a aidé
contribution-hidden = Masquée par un modérateur
contribution-reports = { $count ->
    [one] signalée une fois
   *[other] signalée { $count } fois
}
contribution-answer = Réponse du porteur du dilemme
contribution-your-answer = Votre réponse
contribution-answer-send = Répondre
contribution-mark-helped = Marquer comme utile
contribution-unmark-helped = Ne plus marquer comme utile
contribution-flag = Signaler à un modérateur
contribution-flag-reason = Quel est le problème ?
contribution-flag-send = Signaler
moderation-title = Modérer
moderation-reason = Motif (conservé dans le journal d’audit)
moderation-reasons = Motifs indiqués
moderation-hide = Masquer
moderation-restore = Rétablir
moderation-none = Aucune contribution n’attend de modérateur.
clinic-title = Séance de consultation
clinic-queue = Dilemmes de cette séance
clinic-queue-empty = Aucun dilemme n’est encore prévu pour cette séance.
clinic-add-dilemma = Ajouter un dilemme à la séance
clinic-record = Consigner une question, une idée ou une pratique
clinic-record-send = Consigner
clinic-said-by = Propos de (facultatif)
clinic-result = Résultat de la discussion
clinic-result-send = Enregistrer le résultat
clinic-no-wrapups = Aucun message de synthèse finale pour l’instant.
clinic-wrapup-author = Auteur
clinic-wrapup-text = Message de synthèse finale
clinic-wrapup-send = Ajouter la synthèse finale
clinic-report = Rapport
clinic-report-html = Lire le rapport
clinic-report-pdf = Rapport en PDF
clinic-report-preview = Aperçu du rapport
clinic-report-unpublished = Pas encore publié
clinic-report-draft = Ce rapport n’est pas encore publié ; seules les personnes qui consignent la séance le voient.
clinic-publish = Publier le rapport
clinic-withdraw = Retirer le rapport
practice-discussed-in = Examinée lors de consultations
event-consultations = Séances de consultation
event-consultations-report = Rapport des consultations
mail-consultation-invited-subject = { $inviter } vous invite à une consultation entre pairs
mail-consultation-invited-body = Bonjour,

    { $inviter } vous invite à apporter votre aide sur ce dilemme :
    { $question }

    Lisez-le, posez une question ouverte et, plus tard, partagez ce qui a fonctionné chez vous :
    { $link }

## Open registration
register-title = Demander un compte
register-lead = Présentez-vous. Un coordinateur du réseau lit chaque demande et répond par courriel.
register-affiliation = Votre municipalité ou organisation, et votre fonction
register-note = Un mot pour les coordinateurs (facultatif)
register-submit = Envoyer ma demande
register-done = Merci. Si cette adresse peut rejoindre le réseau, un coordinateur vous répondra par courriel.
register-link = Pas encore de compte ? Demandez-en un.
people-requests = Demandes d’adhésion
people-request-approve = Accepter la demande de { $name }
people-request-decline = Refuser la demande de { $name }
mail-signup-received-subject = Votre demande pour rejoindre Majlis
mail-signup-received-body = Bonjour,

    Nous avons reçu votre demande de compte. Un coordinateur du réseau la lira et vous répondra par courriel.
    { $link }
mail-signup-existing-subject = Quelqu’un a demandé à rejoindre Majlis avec votre adresse
mail-signup-existing-body = Bonjour,

    Quelqu’un a demandé un nouveau compte avec cette adresse, qui en a déjà un. Si c’était vous, connectez-vous, ou choisissez un nouveau mot de passe ici :
    { $link }

    Si ce n’était pas vous, vous n’avez rien à faire.
mail-signup-approved-subject = Votre compte Majlis est prêt
mail-signup-approved-body = Bonjour,

    Un coordinateur a accepté votre demande. Connectez-vous avec votre adresse et le mot de passe que vous avez choisi :
    { $link }
mail-signup-declined-subject = Votre demande pour rejoindre Majlis
mail-signup-declined-body = Bonjour,

    Un coordinateur n’a pas pu accepter votre demande de compte, et elle a été supprimée. Si vous pensez qu’il s’agit d’une erreur, écrivez aux coordinateurs du réseau.
    { $link }
clinic-joint = Discuté avec un autre dilemme
clinic-joint-with = Discuté avec
clinic-joint-none = Seul
clinic-error-joint = Choisissez un dilemme de cette séance discuté seul ; c’est lui qui porte le résultat commun.
consultation-invite-as = Inviter en tant que
dilemma-field-with = Discuté avec
affiliations-title = Rattachements
affiliations-lead = Les municipalités et organisations auxquelles cette personne appartient. Un point focal agit pour la municipalité : il modifie son profil et soumet ses pratiques.
affiliations-none = Aucun rattachement pour l’instant.
affiliations-add = Ajouter un rattachement
affiliations-to = Municipalité ou organisation
affiliations-position = Fonction (facultatif)
affiliations-focal-point = point focal
affiliations-focal-point-hint = Point focal de cette municipalité (pas pour les organisations)
affiliations-remove = Retirer le rattachement à { $name }
affiliations-error-choose = Choisissez une municipalité ou une organisation dans la liste.

# trust repairs: uploads
upload-limits = Par formulaire : { $files } fichiers au maximum, { $total } Mo en tout.
upload-quota-used = Vos fichiers enregistrés occupent { $used } Mo sur vos { $quota } Mo.
upload-error-form-too-large = Ensemble, les fichiers de ce formulaire dépassent la limite par formulaire.
upload-error-quota = Avec ce fichier, vos fichiers enregistrés dépasseraient votre quota (votre utilisation est indiquée sous le champ du fichier).

# surveys
nav-surveys = Enquêtes
surveys-title = Enquêtes auprès des municipalités membres
surveys-lead = Ce que le réseau demande à ses municipalités membres, et ce qu’elles ont répondu. Le point focal de chaque municipalité interrogée répond en son nom.
surveys-none = Aucune enquête pour l’instant.
survey-new = Nouvelle enquête à partir d’un XLSForm
survey-to-answer = Votre municipalité est invitée à répondre à cette enquête.
survey-status-draft = En préparation
survey-status-open = Ouverte
survey-status-closed = Clôturée
survey-audience-public = Tout le monde
survey-audience-members = Membres connectés
survey-audience-staff = Équipe du réseau uniquement
survey-by-none = Sans ventilation
survey-by-country = Par pays
survey-by-population = Par population
survey-by-refugees = Par réfugiés pour 100 habitants
survey-band-population-under-50k = Moins de 50 000 habitants
survey-band-population-50k-250k = De 50 000 à 250 000 habitants
survey-band-population-250k-1m = De 250 000 à 1 million d’habitants
survey-band-population-over-1m = Plus de 1 million d’habitants
survey-band-refugees-under-5 = Moins de 5 réfugiés pour 100 habitants
survey-band-refugees-5-15 = De 5 à 15 réfugiés pour 100 habitants
survey-band-refugees-15-30 = De 15 à 30 réfugiés pour 100 habitants
survey-band-refugees-over-30 = Plus de 30 réfugiés pour 100 habitants
survey-group-unknown = Inconnu
survey-synthetic = Les réponses à cette enquête sont fictives : rédigées pour la démonstration, elles n’ont pas été données par les municipalités.
survey-field-status = Statut
survey-window = Période de réponse
survey-questions = Questions
survey-version = version
survey-event = Événement
survey-response-rate = Taux de réponse
survey-responses = Réponses comptées
survey-results = Résultats
survey-preview = Aperçu du formulaire
survey-preview-lead = Toutes les pages du formulaire et toutes ses questions, avec les conditions qui les affichent ou les masquent.
survey-form-languages = Langues du formulaire
survey-shown-when = Affichée si :
survey-download-form = Télécharger le XLSForm
survey-your-answers = Les réponses de votre municipalité
survey-answer-now = Répondre à l’enquête
survey-see-answers = Voir les réponses
survey-targets = Municipalités interrogées
survey-progress-none = Pas encore commencé
survey-progress-draft = Brouillon enregistré
survey-progress-submitted = Réponses soumises
survey-campaign = Campagne
survey-field-title = Titre
survey-field-description = Description
survey-field-opens = Premier jour pour répondre
survey-field-closes = Dernier jour pour répondre
survey-field-audience = Qui peut lire les résultats
survey-save-campaign = Enregistrer la campagne
survey-saved = Enregistré.
survey-replace-form = Remplacer le formulaire
survey-replace-form-lead = Importez un XLSForm modifié. S’il existe déjà des réponses, il devient une nouvelle version, et chaque réponse reste liée à la version à laquelle elle a répondu.
survey-upload-title = Importer un XLSForm
survey-upload-lead = Un formulaire conçu pour KoboToolbox ou ODK : feuilles survey, choices et settings. Il est vérifié avant tout enregistrement ; chaque problème indique la feuille et la ligne.
survey-field-form = Fichier du formulaire (.xlsx, ou formulaire en tableau markdown)
survey-hint-form = { $mb } Mo au maximum.
survey-upload-button = Importer et vérifier
survey-error-form = Ce formulaire ne peut pas être utilisé tel quel. Rien n’a été enregistré. Corrigez les points suivants et importez-le à nouveau :
survey-error-no-file = Choisissez un fichier de formulaire.
survey-error-too-large = Le fichier dépasse la taille maximale autorisée.
survey-error-not-xlsform = Ce fichier n’est ni un classeur Excel (.xlsx) ni un formulaire en tableau markdown.
survey-error-no-title = Les paramètres du formulaire (feuille settings) ne contiennent ni form_title ni form_id.
survey-error-title = Donnez un titre à l’enquête.
survey-error-window = Le dernier jour pour répondre doit venir après le premier.
survey-error-no-targets = Choisissez les municipalités interrogées avant d’ouvrir l’enquête.
survey-error-targets = L’une des municipalités choisies n’existe pas.
survey-error-date = Indiquez la date au format AAAA-MM-JJ, par exemple 2026-03-14.
survey-error-value = Choisissez l’une des valeurs proposées.
survey-answering-for = Réponse au nom de
survey-page = Page
survey-required-mark = obligatoire
survey-answers-refused = Certaines réponses sont à revoir. Rien n’a été enregistré sur cette page :
survey-problem-required = Une réponse est requise.
survey-problem-whole = Indiquez un nombre entier.
survey-problem-number = Indiquez un nombre.
survey-problem-date = Indiquez une date au format AAAA-MM-JJ, par exemple 2026-03-14.
survey-problem-range = Cette valeur est en dehors de l’échelle.
survey-problem-choice = Choisissez l’une des réponses proposées.
survey-problem-constraint = Cette réponse n’est pas acceptée.
survey-back = Retour
survey-save-draft = Enregistrer le brouillon
survey-next = Enregistrer et continuer
survey-draft-saved = Brouillon enregistré.
survey-read-only = Cette enquête n’accepte pas de réponses pour le moment ; les réponses sont affichées telles qu’elles ont été enregistrées.
survey-editing-submitted = Votre municipalité a soumis ses réponses. Les modifications enregistrées ici ne comptent qu’une fois soumises à nouveau.
survey-not-accepting = Cette enquête n’accepte pas de réponses pour le moment. Rien n’a été enregistré.
survey-review-title = Vérifier et soumettre
survey-change = Modifier
survey-submit = Soumettre les réponses
survey-submit-changes = Soumettre les modifications
survey-submitted = Merci : les réponses sont soumises.
survey-is-submitted = Ces réponses sont soumises.
survey-changes-not-submitted = Les modifications sont enregistrées mais pas encore soumises : les réponses soumises auparavant comptent toujours.
survey-break-down = Ventiler
survey-privacy-note = Pour protéger les répondants, les effectifs inférieurs à { $n } ne sont pas affichés (« masqué »), ni aucun effectif qui permettrait de les retrouver ; 0 % et 100 % ne sont pas affichés pour les petits groupes.
survey-answered = Ont répondu
survey-not-answered = N’ont pas répondu
survey-answer = Réponse
survey-all = Ensemble
survey-suppressed = masqué
survey-chart-description = Part des municipalités ayant répondu à cette question, pour chaque réponse ; le tableau à côté donne les mêmes chiffres.
survey-mean = Moyenne
survey-median = Médiane
survey-quartiles = Quartiles (25 % – 75 %)
search-type-survey = Enquête
event-surveys = Enquêtes de cet événement
survey-download-answers = Télécharger les réponses
survey-with-names = noms des choix
survey-with-labels = libellés
survey-reach = Joindre les répondants
survey-remind-lead = Rappeler par courriel, dans leur langue, aux points focaux des municipalités sollicitées qui n’ont pas encore soumis leurs réponses (au plus une fois par jour pour chacune). Un rappel part aussi automatiquement trois jours avant la clôture de la campagne.
survey-remind = Envoyer les rappels
survey-reminders-sent = { $count } rappels mis en file d’envoi.
survey-not-accepting-reminders = L’enquête ne reçoit pas de réponses en ce moment : aucun rappel n’a été envoyé.
survey-links = Liens personnels
survey-links-lead = Un lien pour un répondant nommé, envoyé par courriel : il ne demande pas de compte et reçoit une seule réponse.
survey-field-link-name = Nom du répondant
survey-field-link-email = Son adresse électronique
survey-field-link-municipality = La municipalité pour laquelle il répond (facultatif)
survey-send-link = Envoyer le lien
survey-link-sent = Le lien est en cours d’envoi.
survey-new-version = Le formulaire a changé après des réponses : c’est maintenant une nouvelle version, et les réponses données gardent la leur.
survey-error-link-name = Indiquez le nom du répondant.
survey-error-link-email = Indiquez une adresse électronique valide.
survey-error-link-draft = Ouvrez l’enquête avant d’envoyer des liens.
survey-no-closing-date = sans date de clôture
mail-survey-link-subject = Enquête : { $survey }
mail-survey-link-body = Bonjour { $name },

    Vous êtes invité·e à répondre à l’enquête « { $survey } ». Votre lien personnel (merci de ne pas le partager) :

    { $link }

    Vous pouvez enregistrer un brouillon, revenir et soumettre jusqu’au { $closes }.
mail-survey-reminder-subject = Rappel : { $survey }
mail-survey-reminder-body = Au point focal de { $municipality },

    L’enquête « { $survey } » attend toujours les réponses de votre municipalité. Vous pouvez répondre, ou terminer un brouillon, jusqu’au { $closes } :

    { $link }
survey-results-pdf = Les résultats en PDF
survey-problem-unknown = Le formulaire n’a pas de question de ce nom.
survey-api-refused = Certaines réponses ont été refusées. Rien n’a été enregistré.
survey-api-not-text = Une réponse doit être un texte, un nombre, ou true ou false.

## Plans
plan-action-plan = Plan d’action
plan-of = pour
plan-responsible = Municipalité responsable
plan-illustrative = Les chiffres d’avancement de ce plan sont fictifs (données de démonstration).
plan-illustrative-short = chiffres fictifs
plan-progress = Avancement
plan-progress-done = Réalisé
progress-percent = { $n } %
plan-no-progress = Pas encore de chiffre d’avancement : aucune étape ne compte (aucune, ou toutes annulées ou de poids 0).
plan-no-progress-short = pas encore de chiffre d’avancement
plan-progress-rule = L’avancement est la moyenne pondérée des étapes : une étape terminée compte 100 %, une étape en cours son pourcentage, une étape non commencée 0 %. Les étapes annulées et celles de poids 0 ne comptent pas.
plan-timeline = Calendrier
plan-timeline-desc = { $steps ->
    [one] Une étape
   *[other] { $steps } étapes
    } dans le temps.
plan-timeline-milestones = { $count ->
    [one] Un jalon.
   *[other] { $count } jalons.
    }
plan-steps = Étapes
plan-dates = Dates
plan-actions = Actions
plan-not-counted = non comptée
plan-edit = Modifier
plan-delete = Supprimer
plan-back = Retour au plan
plan-add-step = Ajouter une étape
plan-milestones = Jalons
plan-no-milestones = Pas encore de jalons.
plan-no-steps = Pas encore d’étapes.
plan-not-reached = pas encore atteint
plan-milestone-due-on = prévu le { $date }
plan-milestone-reached-on = atteint le { $date }
plan-add-milestone = Ajouter un jalon
plan-indicators = Indicateurs
plan-no-indicators = Pas encore d’indicateurs.
plan-attainment = Réalisation
plan-attainment-rule = La réalisation est la part du chemin entre la valeur de référence et la cible que la dernière mesure a parcourue, entre 0 et 100 % ; elle se lit aussi correctement quand la cible est inférieure à la valeur de référence.
plan-not-measured = pas encore mesuré
plan-baseline = Valeur de référence
plan-target = Cible
plan-latest = Dernière mesure
plan-add-indicator = Ajouter un indicateur
plan-add-measurement = Enregistrer une mesure
plan-events = Événements de suivi
plan-no-events = Aucun événement de suivi rattaché.
plan-attach = Rattacher l’événement
plan-detach = Détacher
plan-municipality-heading = Plans d’action
plan-status-not-started = Non commencée
plan-status-in-progress = En cours
plan-status-done = Terminée
plan-status-cancelled = Annulée
plan-new-steps = Nouvelle étape
plan-edit-steps = Modifier l’étape
plan-new-milestones = Nouveau jalon
plan-edit-milestones = Modifier le jalon
plan-new-indicators = Nouvel indicateur
plan-edit-indicators = Modifier l’indicateur
plan-new-measurements = Enregistrer une mesure
plan-edit-measurements = Mesure
plan-new-events = Rattacher un événement de suivi
plan-edit-events = Événement de suivi
plan-field-title = Titre
plan-field-owner = Porté par
plan-field-owner-text = Porté par (service, personne…)
plan-field-owner-municipality = Porté par une municipalité
plan-field-starts-on = Date de début
plan-field-due-on = Échéance
plan-field-reached-on = Atteint le
plan-field-status = État
plan-field-percent = Pourcentage réalisé
plan-field-weight = Poids
plan-field-name = Nom
plan-field-unit = Unité
plan-field-baseline-value = Valeur de référence
plan-field-baseline-on = Date de référence
plan-field-target-value = Valeur cible
plan-field-target-on = Date cible
plan-field-indicator = Indicateur
plan-field-measured-on = Mesuré le
plan-field-date = Date
plan-field-value = Valeur
plan-field-source = Source
plan-field-event = Événement
plan-hint-owner = Indiquez qui porte l’étape, choisissez une municipalité, ou les deux.
plan-hint-percent = Un nombre entier de 0 à 100.
plan-hint-weight = Combien l’étape compte dans l’avancement du plan (de 0 à 1000 ; 1 par défaut).
plan-hint-target = Différente de la valeur de référence ; elle peut lui être inférieure (moins de personnes en attente, par exemple).
plan-hint-source = D’où vient le chiffre (un registre, une enquête, un rapport).
plan-error-required = Ce champ est obligatoire.
plan-error-date = Indiquez une date au format AAAA-MM-JJ.
plan-error-date-order = Cette date précède celle qu’elle doit suivre.
plan-error-number = Indiquez un nombre (comme 12 ou 4,5).
plan-error-percent = Indiquez un nombre entier de 0 à 100.
plan-error-weight = Indiquez un nombre entier de 0 à 1000.
plan-error-target-equals-baseline = La cible doit différer de la valeur de référence.
plan-error-choice = Choisissez l’une des options proposées.
plan-error-too-long = C’est trop long.
plan-chart-desc = Valeur de référence : { $baseline } ({ $baseline_on }) → cible : { $target } ({ $target_on }) ; dernière mesure : { $latest }
plan-error-number-grouped = Écrivez le nombre sans séparateur de milliers : 1500, ou 1,5 pour un et demi.
plan-error-year = Indiquez une date entre les années 1900 et 2100.

## Projects
nav-projects = Projets
search-type-project = Idée de projet
event-projects = Idées de projet nées de cet événement
projects-title = Idées de projet
projects-lead = Des idées nées d’ateliers et de consultations, suivies de l’idée jusqu’au résultat, avec les partenariats qui les portent.
projects-count = { $count ->
    [one] Une idée de projet
   *[other] { $count } idées de projet
}
projects-none = Aucune idée de projet ne correspond.
project-new = Noter une idée de projet
project-edit = Modifier l’idée de projet
project-save = Enregistrer
project-form-lead = Écrivez dans une langue à la fois ; les traductions s’ajoutent en modifiant l’idée dans une autre langue.
project-writing-in = Langue du texte
project-lead = Porteur
project-status-idea = Idée
project-status-concept = Concept
project-status-partnership-formed = Partenariat formé
project-status-in-implementation = En cours de mise en œuvre
project-status-completed = Achevé
project-status-dropped = Abandonné
project-visibility-public = Public
project-visibility-members = Membres seulement
project-visibility-participants = Participants seulement
project-partner-kind-municipality = Municipalité
project-partner-kind-ngo = Organisation de la société civile
project-partner-kind-academia = Université ou recherche
project-partner-kind-government = Institution publique
project-partner-kind-private = Secteur privé
partnership-status-invited = Invitée
partnership-status-accepted = Partenaire
partnership-status-declined = A refusé
partnership-status-left = Partie
partner-step-invited = invitée
partner-step-accepted = a accepté l’invitation
partner-step-declined = a refusé l’invitation
partner-step-left = a quitté le partenariat
partner-step-removed = retirée du partenariat par le porteur
project-field-title = Titre
project-field-problem = Problème
project-field-objectives = Objectifs
project-field-activities = Activités proposées
project-field-themes = Thèmes
project-field-event = Événement d’origine
project-field-session = Séance
project-field-followups = Événements ultérieurs où elle a été travaillée
project-field-dilemma = Consultation d’origine
project-field-lead = Municipalité porteuse
project-field-visibility = Qui peut la lire
project-field-programme = Programme
project-field-programme_countries = Pays que le programme associe
project-field-partners = Partenaires recherchés
project-field-status = Statut
project-field-reason = Motif
project-field-municipality = Municipalité
project-partner-kind = Type de partenaire
project-partner-country = Pays
project-partner-expertise = Expertise
project-hint-lines = Un élément par ligne.
project-hint-session = Choisissez l’événement et enregistrez pour choisir l’une de ses séances.
project-hint-programme-countries = Codes de pays séparés par des virgules, par exemple DE, TR : les partenariats entre municipalités de ces pays peuvent être financés.
project-hint-partners = Une ligne par type de partenaire ; une ligne vide est supprimée. Enregistrez pour obtenir une nouvelle ligne vide.
project-hint-reason = Nécessaire si l’idée est abandonnée : dites pourquoi.
project-illustrative = Cette idée vient des données de démonstration : ses partenariats et ses chiffres d’avancement sont illustratifs.
project-dropped-because = Abandonnée parce que :
project-versions = Versions
project-partnerships = Partenariats
project-no-partners = Pas encore de partenaire.
project-accept = Accepter l’invitation
project-decline = Refuser
project-leave = Quitter le partenariat
project-remove = Mettre fin au partenariat
project-history = Historique
project-by = par
project-invite-which = Inviter une municipalité
project-invite = Inviter
project-suggestions = Partenaires suggérés
project-suggestions-hint = Des municipalités du réseau qui pourraient se joindre, et pourquoi.
project-reason-practice = { $municipality } a publié « { $practice } » sur le même thème.
project-reason-themes = { $municipality } travaille sur { $themes }.
project-reason-languages = { $municipality } écrit aussi en { $languages }.
project-reason-funded = Le programme finance des partenariats entre { $lead } et { $partner }.
project-see-practice = lire la pratique
project-plan = Plan d’action
project-plan-open = Ouvrir le plan d’action
project-plan-progress = { $percent } % réalisé
project-plan-steps = { $done } étapes réalisées sur { $steps }
project-plan-illustrative = Les chiffres d’avancement du plan sont illustratifs.
project-no-plan = Pas encore de plan d’action.
project-start-plan = Commencer un plan d’action
project-change-status = Changer le statut
project-error-session = choisissez une séance de l’événement choisi
project-error-partner-kind = choisissez le type de chaque partenaire recherché
project-error-transition = l’idée ne peut pas passer à ce statut depuis son état actuel
project-error-reason = dites pourquoi l’idée est abandonnée
project-error-lead-partner = la municipalité porteuse ne peut pas être son propre partenaire
project-error-already-partner = cette municipalité est déjà invitée ou partenaire
project-error-no-focal-point = cette municipalité n’a pas de point focal sur la plateforme pour répondre à une invitation
project-error-no-invitation = il n’y a pas d’invitation en attente de réponse
project-error-not-partner = cette municipalité n’est pas partenaire
mail-project-invited-subject = { $lead } invite { $municipality } à un partenariat de projet
mail-project-invited-body = Bonjour,

    { $lead } invite { $municipality } à devenir partenaire de l’idée de projet « { $project } ».

    En tant que point focal de { $municipality }, vous pouvez lire l’idée et accepter ou refuser l’invitation ici :
    { $link }
mail-project-accepted-subject = { $municipality } a accepté votre invitation
mail-project-accepted-body = Bonjour,

    { $municipality } a accepté l’invitation à devenir partenaire de l’idée de projet « { $project } ».

    { $link }
mail-project-declined-subject = { $municipality } a refusé votre invitation
mail-project-declined-body = Bonjour,

    { $municipality } a refusé l’invitation à devenir partenaire de l’idée de projet « { $project } ».

    { $link }

## The outcomes chain: a municipality's ideas and partnerships, the network's figures, milestone calendars
municipality-projects-heading = Idées de projet
municipality-partnerships-heading = Partenariats
network-projects-heading = Idées de projet par statut
network-projects-count = Idées
network-partnerships-heading = Partenariats par statut
network-partnership-status = Partenariat
network-partnerships-count = Partenariats
network-figures-total = Total
project-milestones-ics = Les jalons dans votre agenda (iCalendar)
project-milestones-calendar = Jalons de « { $title } »
project-milestone-of = Jalon de l’idée de projet « { $title } »
project-milestone-reached = Atteint le { $date }
project-milestone-open = Pas encore atteint
plan-milestones-ics = Les jalons dans votre agenda (iCalendar)

## Atom feeds
feed-network = Majlis : les nouveautés du réseau
feed-practices = Majlis : bonnes pratiques
feed-resources = Majlis : documents
feed-events = Majlis : événements
feed-consultations = Majlis : consultations conclues

# --- What a newcomer sees (issue 20): design system, events, home page, demo, admin ---
nav-menu = Menu
nav-account = Votre compte
events-showing-past = Aucun événement n’est prévu pour le moment : voici donc les événements passés, du plus récent au plus ancien.
events-none-upcoming = Aucun événement à venir n’a encore été annoncé.
events-see-past = Voir les événements passés
events-none = Aucun événement n’a encore été ajouté.
events-clear-filters = Afficher tous les événements sans filtre
dilemma-contributions-closed = Fermée aux contributions
dilemma-closed-on = close le
consultations-clear-filters = Afficher toutes les consultations
consultations-none-yet = Aucune consultation n’a encore été ouverte.
compendiums-see-practices = En attendant, parcourez les bonnes pratiques
home-upcoming = À venir
home-recent = Récemment
home-open-consultations = Consultations ouvertes aux contributions
home-no-open-consultations = Aucune consultation ne reçoit de contributions en ce moment.
home-concluded-consultations = Lire les consultations conclues
home-all-consultations = Toutes les consultations
home-all-events = Tous les événements
home-practices = Dernières bonnes pratiques
home-documents = Derniers documents
home-more-upcoming = Tous les événements à venir ({ $count })
home-more-past = Tous les événements passés ({ $count })
home-more-practices = Toutes les bonnes pratiques ({ $count })
home-more-documents = Tous les documents ({ $count })
home-figure-events = Événements
home-figure-practices = Bonnes pratiques
home-figure-documents = Documents
home-network-link = Membres et chiffres par pays
compendium-publishing = Publication
compendium-publish = Publier cette édition
compendium-unpublish = La remettre en brouillon
compendium-draft-hint = Seuls les coordinateurs voient cette édition jusqu’à sa publication.
compendium-published-hint = Tout le monde peut la lire et télécharger son PDF.
invitations-title = Invitations en attente
invitations-lead = Invitations envoyées par courriel et pas encore acceptées. Renvoyer une invitation crée un nouveau lien valable sept jours ; l’ancien ne fonctionne plus.
invitations-none = Aucune invitation n’attend d’être acceptée.
invitations-by = Invité par
invitations-link = Lien
invitations-actions = Actions
invitations-expired = Expirée
invitations-valid-until = valable jusqu’au
invitations-resend = Renvoyer
invitations-revoke = Retirer
invitations-resent = L’invitation a été renvoyée avec un nouveau lien.
invitations-revoked = L’invitation a été retirée ; son lien ne fonctionne plus.
audit-action-created = Créé
audit-action-updated = Modifié
audit-action-cloned = Copié d’un autre événement
audit-action-programme-changed = Programme modifié
audit-action-outcomes-changed = Résultats modifiés
audit-action-registered = Inscrit
audit-action-registered-on-behalf = Inscrit par l’équipe
audit-action-cancelled = Inscription annulée
audit-action-approved = Inscription acceptée
audit-action-declined = Inscription refusée
audit-action-checked-in = Présence enregistrée
audit-action-check-in-undone = Présence annulée
audit-action-consent-given = A accepté d’être listé
audit-action-consent-withdrawn = Ne souhaite plus être listé
audit-action-invited = Invité
audit-action-invitation-resent = Invitation renvoyée
audit-action-invitation-revoked = Invitation retirée
audit-action-joined = A rejoint sur invitation
audit-action-account-created = Compte créé
audit-action-account-deleted = Compte supprimé
audit-action-role-changed = Rôle modifié
audit-action-reactivated = Compte réactivé
audit-action-deactivated = Compte désactivé
audit-action-affiliation-added = Rattachement ajouté
audit-action-affiliation-removed = Rattachement retiré
audit-action-password-changed = Mot de passe modifié
audit-action-password-reset = Mot de passe réinitialisé par lien
audit-action-two-factor-on = Connexion en deux étapes activée
audit-action-api-token-created = Jeton d’API créé
audit-action-api-token-revoked = Jeton d’API révoqué
audit-action-calendar-feed-created = Adresse d’agenda créée
audit-action-municipality-created = Municipalité ajoutée
audit-action-profile-edited = Profil modifié
audit-action-organisation-created = Organisation ajoutée
audit-action-organisation-edited = Organisation modifiée
audit-action-resource-created = Document ajouté
audit-action-resource-updated = Document modifié
audit-action-resource-deleted = Document supprimé
audit-action-resource-version-added = Version linguistique ajoutée
audit-action-practice-saved = Pratique enregistrée
audit-action-practice-deleted = Pratique supprimée
audit-action-practice-attachment-added = Fichier joint à une pratique
audit-action-practice-submitted = Pratique soumise à relecture
audit-action-practice-review-started = Relecture commencée
audit-action-practice-changes-requested = Modifications demandées
audit-action-practice-published = Pratique publiée
audit-action-practice-archived = Pratique archivée
audit-action-practice-comment = Commentaire de relecture
audit-action-compendium-created = Recueil créé
audit-action-compendium-described = Description du recueil modifiée
audit-action-compendium-arranged = Chapitres du recueil organisés
audit-action-compendium-published = Recueil publié
audit-action-compendium-unpublished = Recueil remis en brouillon
audit-action-compendium-deleted = Recueil supprimé
audit-action-dilemma-create = Consultation rédigée
audit-action-dilemma-open = Consultation ouverte
audit-action-dilemma-invite = Pair invité à une consultation
audit-action-dilemma-conclude = Consultation conclue
audit-action-dilemma-archive = Consultation archivée
audit-action-dilemma-queue = Consultation inscrite à une clinique
audit-action-dilemma-joint = Consultations traitées ensemble
audit-action-contribution-create = Contribution publiée
audit-action-contribution-answer = Question répondue
audit-action-contribution-helped = Marquée comme utile
audit-action-contribution-not-helped = N’est plus marquée comme utile
audit-action-contribution-hide = Contribution masquée par la modération
audit-action-contribution-restore = Contribution rétablie
audit-action-clinic-publish = Rapport de clinique publié
audit-action-clinic-withdraw = Rapport de clinique retiré
audit-action-clinic-wrapup = Synthèse rédigée
audit-action-signup-request = A demandé à rejoindre
audit-action-signup-approve = Demande d’adhésion acceptée
audit-action-signup-decline = Demande d’adhésion refusée
audit-action-signup-discard = Demande d’adhésion écartée
audit-action-survey-create = Enquête créée
audit-action-survey-form = Formulaire d’enquête déposé
audit-action-survey-campaign = Campagne d’enquête modifiée
audit-action-survey-link = Liens personnels d’enquête créés
audit-action-survey-remind = Rappels d’enquête envoyés
audit-action-survey-submit = Réponses à l’enquête envoyées
audit-action-plan-created = Plan d’action créé
audit-action-project-saved = Idée de projet enregistrée
audit-action-project-status = Statut de l’idée de projet modifié
audit-object-kind-event = Événement
audit-object-kind-practice = Pratique
audit-object-kind-resource = Document
audit-object-kind-compendium = Recueil
audit-object-kind-dilemma = Consultation
audit-object-kind-contribution = Contribution
audit-object-kind-clinic = Clinique
audit-object-kind-municipality = Municipalité
audit-object-kind-organisation = Organisation
audit-object-kind-person = Personne
audit-object-kind-invitation = Invitation
audit-object-kind-registration = Inscription
audit-object-kind-project = Idée de projet
audit-object-kind-plan = Plan d’action
audit-object-kind-survey = Enquête
audit-object-kind-api-token = Jeton d’API
audit-object-kind-signup_request = Demande d’adhésion
audit-detail = Détails
audit-object-history = Tout ce qui est enregistré sur
# The API described (/api/docs) and open data downloads
api-docs-title = L’API de Majlis
api-docs-lead = Tout ce que le réseau publie peut aussi être lu par des programmes : listes et éléments en JSON, avec les mêmes filtres que les pages.
api-docs-machine-readable = La même description, lisible par machine :
api-docs-in-english = Les descriptions techniques ci-dessous sont en anglais.
api-docs-contents = Sommaire
api-docs-schemas = Structures de données
api-docs-needs-token = Nécessite un jeton d’API personnel (Authorization: Bearer).
api-docs-token-optional = Ouvert à tous ; avec un jeton d’API personnel, montre aussi ce que son titulaire peut voir.
api-docs-parameters = Paramètres
api-docs-name = Nom
api-docs-where = Emplacement
api-docs-type = Type
api-docs-required = Obligatoire
api-docs-description = Description
api-docs-yes = oui
api-docs-no = non
api-docs-request-body = Corps de la requête
api-docs-responses = Réponses
api-docs-status = Statut
api-docs-body = Corps
api-docs-headers = En-têtes
api-docs-field = Champ
api-docs-always = Toujours présent
open-data-source = Source
open-data-licence-text = Texte de la licence
open-data-language = Langue
open-data-about-sheet = à propos
open-data-col-id = Identifiant
open-data-col-slug = Nom court
open-data-col-name = Nom
open-data-col-kind = Type
open-data-col-country-code = Code pays
open-data-col-country-name = Pays
open-data-col-country = Pays
open-data-col-region = Région
open-data-col-population = Population
open-data-col-population-year = Année de la population
open-data-col-refugees-hosted = Réfugiés accueillis
open-data-col-refugees-year = Année du nombre de réfugiés
open-data-col-member-since = Membre depuis
open-data-col-themes = Thèmes
open-data-col-url = Adresse
open-data-col-acronym = Sigle
open-data-col-website = Site web
open-data-col-title = Titre
open-data-col-title-lang = Langue du titre
open-data-col-original-language = Langue d’origine
open-data-col-summary = Résumé
open-data-col-owner = Porteur
open-data-col-year = Année
open-data-col-status = Statut
open-data-col-languages = Langues
open-data-col-starts-at = Début
open-data-col-ends-at = Fin
open-data-col-timezone = Fuseau horaire
open-data-col-city = Ville
open-data-col-online = En ligne
open-data-col-capacity = Places
open-data-col-question = Question
open-data-col-question-lang = Langue de la question
open-data-col-presenter = Présenté par
open-data-col-event = Événement
open-data-col-opens-at = Ouverture
open-data-col-closes-at = Clôture
open-data-col-licence = Licence
# Social-cohesion self-assessment (cohesion/)
cohesion-title = Auto-évaluation de la cohésion sociale
cohesion-link = Auto-évaluation de la cohésion sociale
cohesion-missing = pas assez de réponses
cohesion-index = Indice de cohésion
cohesion-peers = Comparer avec les pairs
cohesion-peers-all = tout le réseau
cohesion-peers-country = les municipalités du même pays
cohesion-peers-population = les municipalités de taille comparable
cohesion-peers-refugees = les municipalités à part de réfugiés comparable
cohesion-compare-with = Pairs
cohesion-compare = Comparer
cohesion-benchmark-too-few = Masqué : moins de { $needed } pairs comparables
cohesion-benchmark-unknown-group = Masqué : il manque au profil de la municipalité le chiffre dont cette comparaison a besoin
cohesion-benchmark-earlier-wave = La comparaison avec les pairs porte sur la dernière vague seulement
cohesion-radar-title = Domaines de la cohésion sociale
cohesion-radar-desc = Le score de la municipalité dans chaque domaine, de 0 à 100 ; la ligne pointillée est la médiane du réseau quand elle est affichée. Les mêmes chiffres figurent dans le tableau ci-dessous.
cohesion-trend-title = Indice de cohésion au fil des vagues
cohesion-trend-desc = L'indice de chaque vague, de 0 à 100 ; les points creux ont été mesurés avec une autre version du cadre. Les mêmes chiffres figurent dans le tableau ci-dessous.
cohesion-rule-missing = Réponses manquantes : une personne compte pour un indicateur quand les items auxquels elle a répondu portent au moins la moitié de son poids ; un domaine et l'indice exigent des scores pour au moins la moitié de leur poids. « Je ne sais pas » n'est pas noté. Un chiffre reposant sur moins de { $base } répondants n'est pas affiché.
cohesion-rule-benchmark = La médiane du réseau et l'écart interquartile ne sont affichés que si au moins { $needed } pairs comparables sont retenus (leur dernière vague, mesurée de la même façon).
cohesion-rule-scores = Chaque réponse devient un score de 0 à 100 (les affirmations dont l'approbation nuit à la cohésion sont inversées). Un indicateur est la moyenne pondérée de ses items, un domaine celle de ses indicateurs, l'indice celle de ses domaines. « Favorable » est la part des réponses du côté bon pour la cohésion ; « d'accord » est la part brute de personnes d'accord, comme la rapporte le suivi des tensions.
cohesion-rule-privacy = Les réponses des habitants ne sont jamais montrées : seulement des totaux, à la municipalité et aux coordinateurs du réseau, et ici une fois le tableau de bord publié.
cohesion-synthetic = Données synthétiques : ces vagues ont été inventées pour la démonstration ; ce ne sont pas les réponses de vrais habitants.
cohesion-not-published = Non publié : seuls les points focaux de la municipalité et les coordinateurs du réseau voient ce tableau de bord.
cohesion-wave = Vague
cohesion-weighted = pondérée par strates
cohesion-left-out = { $n } répondants hors des strates pondérées écartés
cohesion-favourable = Favorable
cohesion-network-median = Médiane du réseau
cohesion-iqr = Écart interquartile
cohesion-not-comparable = Non comparable aux autres vagues : mesuré avec une version du cadre dont les items ont changé.
cohesion-domains = Domaines
cohesion-domain = Domaine
cohesion-score = Score
cohesion-peer-count = Pairs
cohesion-indicators = Indicateurs
cohesion-indicator = Indicateur
cohesion-trend = Évolution au fil des vagues
cohesion-no-waves = Aucune vague n'a encore été notée.
cohesion-fielded = Fin du terrain
cohesion-framework = Cadre
cohesion-items = Items et instruments
cohesion-item = Item
cohesion-agree = D'accord
cohesion-instrument = Instrument
cohesion-reversed = inversé
cohesion-named-peers = Pairs qui partagent leur indice nommément
cohesion-how = Comment les chiffres sont calculés
cohesion-choices = Publication
cohesion-publish = Publier ce tableau de bord (tout le monde peut le lire)
cohesion-by-name = Montrer notre indice aux pairs sous notre nom (sinon seulement dans la comparaison anonyme)
cohesion-save = Enregistrer
cohesion-link-index = Indice de cohésion : { $score } / 100 (vague { $wave })
cohesion-synthetic-short = données synthétiques
## Following and notifications
nav-notifications = Notifications
nav-notifications-unread = Notifications ({ $count } non lues)
follow-theme = Suivre ce thème
unfollow-theme = Ne plus suivre ce thème
follow-municipality = Suivre cette municipalité
unfollow-municipality = Ne plus suivre cette municipalité
follow-organisation = Suivre cette organisation
unfollow-organisation = Ne plus suivre cette organisation
follow-series = Suivre cette série d’événements
unfollow-series = Ne plus suivre cette série d’événements
follow-event = Suivre cet événement
unfollow-event = Ne plus suivre cet événement
follow-dilemma = Suivre cette consultation
unfollow-dilemma = Ne plus suivre cette consultation
follow-practice = Suivre cette pratique
unfollow-practice = Ne plus suivre cette pratique
following-title = Ce que je suis
following-lead = Les nouvelles de ce que vous suivez arrivent dans vos notifications, et par courriel selon vos choix. S’inscrire à un événement, contribuer à une consultation, présenter un dilemme ou être responsable d’une pratique vous y abonne ; vous pouvez cesser de suivre à tout moment.
following-none = Vous ne suivez encore rien. Utilisez les boutons « Suivre » des pages des municipalités, organisations, événements, consultations et pratiques, ou choisissez des thèmes ci-dessous.
following-all-themes = Thèmes
following-kind-theme = Thèmes
following-kind-municipality = Municipalités
following-kind-organisation = Organisations
following-kind-series = Séries d’événements
following-kind-event = Événements
following-kind-dilemma = Consultations
following-kind-practice = Pratiques
notifications-title = Notifications
notifications-none = Aucune notification pour l’instant. Suivez des thèmes, des municipalités, des événements ou des consultations pour en avoir des nouvelles ici.
notifications-mark-read = Tout marquer comme lu
notifications-new = Nouveau :
notice-practice-new =
    { $count ->
        [one] Une nouvelle pratique
       *[other] { $count } nouvelles pratiques
    } { $on ->
        [theme] sur { $via }
        [series] dans { $via }
        [municipality] de { $via }
        [organisation] de { $via }
       *[other] { "" }
    }
notice-resource-new =
    { $count ->
        [one] Un nouveau document
       *[other] { $count } nouveaux documents
    } { $on ->
        [theme] sur { $via }
        [series] dans { $via }
        [municipality] de { $via }
        [organisation] de { $via }
       *[other] { "" }
    }
notice-event-new =
    { $count ->
        [one] Un nouvel événement
       *[other] { $count } nouveaux événements
    } { $on ->
        [theme] sur { $via }
        [series] dans { $via }
        [municipality] de { $via }
        [organisation] de { $via }
       *[other] { "" }
    }
notice-dilemma-new =
    { $count ->
        [one] Une nouvelle consultation
       *[other] { $count } nouvelles consultations
    } { $on ->
        [theme] sur { $via }
        [series] dans { $via }
        [municipality] de { $via }
        [organisation] de { $via }
       *[other] { "" }
    }
notice-practice-changed = La pratique « { $title } » a été mise à jour
notice-event-changed = L’événement « { $title } » a changé
notice-dilemma-changed = Du nouveau dans la consultation « { $title } »
notice-kind-practice-new = Nouvelles pratiques dans ce que je suis
notice-kind-practice-changed = Changements des pratiques que je suis
notice-kind-resource-new = Nouveaux documents dans ce que je suis
notice-kind-event-new = Nouveaux événements dans ce que je suis
notice-kind-event-changed = Changements des événements que je suis
notice-kind-dilemma-new = Nouvelles consultations dans ce que je suis
notice-kind-dilemma-changed = Activité des consultations que je suis
notice-project-new =
    { $count ->
        [one] Une nouvelle idée de projet
       *[other] { $count } nouvelles idées de projet
    } { $on ->
        [theme] sur { $via }
        [municipality] de { $via }
       *[other] { "" }
    }
notice-survey-new =
    { $count ->
        [one] Une enquête ouverte
       *[other] { $count } enquêtes ouvertes
    } { $on ->
        [municipality] pour { $via }
       *[other] { "" }
    }
notice-cohesion-published = { $via } a publié son autoévaluation de la cohésion sociale
notice-kind-project-new = Nouvelles idées de projet sur ce que je suis
notice-kind-survey-new = Enquêtes ouvertes pour les municipalités que je suis
notice-kind-cohesion-published = Tableaux de cohésion sociale publiés par les municipalités que je suis
notice-delivery-now = Tout de suite
notice-delivery-daily = Résumé quotidien
notice-delivery-weekly = Résumé hebdomadaire
notice-delivery-never = Jamais par courriel
notice-settings-title = Notifications par courriel
notice-settings-lead = Tout ce que vous suivez apparaît dans vos notifications. Choisissez pour chaque type s’il vous parvient aussi par courriel : tout de suite, en un seul message par jour ou par semaine, ou jamais. Les résumés partent le matin (06:00 UTC ; le lundi pour les hebdomadaires), et seulement s’il y a quelque chose à dire.
notice-settings-saved = Vos choix sont enregistrés.
notice-settings-invalid = Certains choix manquent. Rien n’a été enregistré : choisissez une option pour chaque type.
notice-settings-choose = Choisissez une option.
notice-settings-save = Enregistrer mes choix
unsubscribe-title = Arrêter ces courriels
unsubscribe-lead = Ceci arrête les courriels concernant ce qui suit. Vos notifications sur le site, vos autres choix et votre compte restent tels quels.
unsubscribe-done = C’est fait : vous ne recevrez plus de courriels concernant ce qui suit.
unsubscribe-confirm = Arrêter ces courriels
unsubscribe-settings = Vous pouvez revenir sur ce choix à tout moment, une fois connecté :
mail-notice-intro = Voici les nouveautés de ce que vous suivez sur Majlis.
mail-notice-footer =
    Choisissez ce qui vous parvient par courriel, et à quelle fréquence : { $settings }

    Arrêter les courriels sur : { $kinds } : { $unsubscribe }
mail-notice-subject-now =
    { $count ->
        [one] Majlis : une nouvelle notification
       *[other] Majlis : { $count } nouvelles notifications
    }
mail-notice-subject-daily = Votre résumé quotidien Majlis ({ $count })
mail-notice-subject-weekly = Votre résumé hebdomadaire Majlis ({ $count })
imported-from = Provenant de { $network }

## Plans aimed at cohesion indicators
cohesion-plan-title = Plan visant un indicateur
cohesion-plan-column = Plan
cohesion-plan-open = Ouvrir le plan
cohesion-plan-start = Lancer un plan
cohesion-plan-start-button = Lancer le plan
cohesion-plan-status = État
cohesion-plan-status-met = Objectif atteint
cohesion-plan-status-not-yet-met = Pas encore atteint
cohesion-plan-status-not-met = Non atteint : la date visée est passée
cohesion-plan-status-not-comparable = Non comparable : les items de l’indicateur ont changé
cohesion-plan-status-not-measured = Pas encore mesuré
cohesion-plan-baseline = Valeur de départ
cohesion-plan-target = Objectif (0–100)
cohesion-plan-target-hint = Le score que l’indicateur doit atteindre, de 0 à 100.
cohesion-plan-target-on = Date visée
cohesion-plan-field-title = Titre (facultatif)
cohesion-plan-measures = Mesure de chaque vague
cohesion-plan-no-measure = Aucune vague ultérieure ne l’a encore mesuré.
cohesion-plan-open-steps = Étapes, jalons et suivi du plan
cohesion-plan-share = Partager comme pratique
cohesion-plan-share-hint = Cela crée dans la bibliothèque un brouillon de pratique rempli à partir de ce plan, à compléter et soumettre.
cohesion-plan-open-practice = Ouvrir le brouillon de pratique
cohesion-plan-default-title = Plan : { $indicator }
cohesion-plan-error-required = Ce champ est obligatoire.
cohesion-plan-error-target = Indiquez un nombre de 0 à 100.
cohesion-plan-error-date = Indiquez une date au format AAAA-MM-JJ.
cohesion-plan-error-title = 200 caractères au plus.
cohesion-plan-error-no-score = Cet indicateur n’a pas de score dans la dernière vague (trop peu de réponses).
cohesion-plan-error-target-equals-baseline = L’objectif doit différer de la valeur de départ.
cohesion-plan-error-date-before = La date visée doit suivre la vague de départ.
cohesion-plan-practice-summary = { $municipality } a cherché à améliorer l’indicateur de cohésion sociale « { $indicator } » : de { $baseline } à { $result } sur 100 dans son enquête de perception auprès des habitants.
cohesion-plan-practice-results = { $indicator } : { $baseline } / 100 ({ $first }) → { $result } / 100 ({ $last }) ; objectif { $target }.
audit-action-cohesion-plan-started = Plan de cohésion lancé
audit-action-cohesion-plan-shared = Plan de cohésion partagé comme pratique
cohesion-pdf = Le tableau de bord en PDF
cohesion-fw-title = Cadres de cohésion sociale
cohesion-fw-lead = Chaque cadre est versionné : domaines, indicateurs et les questions d'enquête qui les mesurent. Une nouvelle version dont les questions changent rend ces indicateurs non comparables d'une version à l'autre.
cohesion-fw-saved = Le cadre a été enregistré comme nouvelle version.
cohesion-fw-new = Ajouter une version de cadre
cohesion-fw-none = Aucun cadre pour l'instant.
cohesion-fw-versions = Cadres et leurs versions
cohesion-fw-slug = Nom court
cohesion-fw-version = Version
cohesion-fw-item-count = Questions
cohesion-fw-new-lead = Collez un fichier de cadre (TOML, écrit comme le cadre fourni par le réseau) ou téléversez-le, vérifiez l'aperçu, puis enregistrez-le comme nouvelle version.
cohesion-fw-refused = Le fichier de cadre ne peut pas être accepté ; rien n'a été enregistré.
cohesion-fw-preview = Aperçu
cohesion-fw-compared = Comparé à la version { $previous }.
cohesion-fw-changed-count = { $n ->
    [0] Aucun indicateur n'a changé.
    [one] Un indicateur a changé : ses scores ne seront pas comparables d'une version à l'autre.
   *[other] { $n } indicateurs ont changé : leurs scores ne seront pas comparables d'une version à l'autre.
}
cohesion-fw-first = La première version de ce cadre.
cohesion-fw-weight = poids
cohesion-fw-change-new = nouveau
cohesion-fw-change-changed = modifié : non comparable avec la version précédente
cohesion-fw-change-same = inchangé
cohesion-fw-question = Question
cohesion-fw-direction = Sens
cohesion-fw-direction-higher = être d'accord est favorable
cohesion-fw-direction-lower = être d'accord est défavorable (inversé)
cohesion-fw-scale = Échelle
cohesion-fw-removed = Indicateurs qui ne sont plus dans le cadre
cohesion-fw-source = Fichier de cadre (TOML)
cohesion-fw-source-hint = Le texte du fichier ; un fichier téléversé le remplace.
cohesion-fw-file = Ou téléversez le fichier
cohesion-fw-file-hint = Un fichier .toml de { $kb } ko au plus.
cohesion-fw-preview-button = Aperçu
cohesion-fw-save-button = Enregistrer comme nouvelle version
cohesion-fw-error-no-file = Collez ou téléversez un fichier de cadre.
cohesion-fw-error-too-large = Le fichier est trop volumineux.
cohesion-fw-error-not-text = Le fichier n'est pas du texte (UTF-8).
cohesion-fw-error-missing = Ligne { $line } : « { $field } » est absent.
cohesion-fw-error-unknown = Ligne { $line } : « { $field } » n'est pas un champ d'un fichier de cadre.
cohesion-fw-error-value = Ligne { $line } : la valeur de « { $field } » n'est pas valide.
cohesion-fw-error-syntax = Ligne { $line } : ce n'est pas du TOML valide (près de « { $field } »).
cohesion-fw-error-name = Ligne { $line } : « { $field } » ne peut contenir que a–z, 0–9 et _ (1 à 60 caractères, commençant par une lettre).
cohesion-fw-error-duplicate = Ligne { $line } : « { $field } » est utilisé deux fois.
cohesion-fw-error-weight = Ligne { $line } : le poids de « { $field } » doit être un nombre positif.
cohesion-fw-error-empty = Ligne { $line } : « { $field } » est vide.
cohesion-fw-error-slug = Ligne { $line } : « slug » ne peut contenir que a–z, 0–9 et - (en commençant par une lettre).
cohesion-fw-error-scale = Ligne { $line } : l'échelle « { $field } » n'a pas de choix dans le fichier.
cohesion-fw-error-questionnaire = Le questionnaire construit à partir du cadre ne peut pas être lu : { $field }
cohesion-fw-error-version = Ligne { $line } : « version » doit être supérieure à { $latest }, la dernière version enregistrée de ce cadre.
audit-action-cohesion-framework = Version de cadre de cohésion ajoutée
cohesion-waves-link = Vagues : lancer et calculer
cohesion-waves-title = Vagues de l'enquête de perception des habitants
cohesion-waves-lead = Une vague ouvre une campagne de l'enquête de perception des habitants du cadre pour la municipalité ; les habitants répondent par des liens personnels. Quand assez de réponses sont arrivées, calculez la vague : ses chiffres vont au tableau de bord. Un nouveau calcul les remplace.
cohesion-wave-started = La vague a été lancée : sa campagne est ouverte.
cohesion-wave-scored = La vague a été calculée.
cohesion-waves-list = Vagues
cohesion-waves-none = Aucune vague pour l'instant.
cohesion-wave-status = État
cohesion-wave-last-day = Dernier jour de collecte
cohesion-wave-so-far = Réponses reçues
cohesion-wave-planned = Échantillon prévu
cohesion-wave-scores = Scores
cohesion-wave-status-collecting = collecte en cours
cohesion-wave-status-closed = close
cohesion-wave-status-no-campaign = sans campagne
cohesion-wave-campaign = la campagne
cohesion-wave-not-scored = pas encore calculée
cohesion-wave-score = Calculer la vague
cohesion-wave-rescore = Calculer à nouveau
cohesion-wave-scored-n = calculée, n = { $n }
cohesion-wave-score-hint = Le calcul lit les réponses soumises ; un nouveau calcul remplace les chiffres de la vague, et les plans visant ses indicateurs sont mesurés à nouveau.
cohesion-wave-start = Lancer une vague
cohesion-wave-start-lead = La campagne s'ouvre maintenant et se ferme après son dernier jour. Indiquez l'échantillon prévu et, si vous les avez, les répondants prévus et la part de la population de chaque groupe ; avec les parts, les résultats sont pondérés par groupe.
cohesion-wave-label = Nom de la vague
cohesion-wave-label-hint = Comme la municipalité l'appelle, par exemple « printemps 2026 ».
cohesion-wave-strata = Groupes de répondants (strates)
cohesion-wave-strata-hint = Tout est facultatif. Les parts de la population sont des pourcentages ; indiquez-les pour chaque groupe dont les réponses doivent compter.
cohesion-wave-stratum-planned = répondants prévus
cohesion-wave-stratum-weight = part de la population (%)
cohesion-wave-start-button = Lancer la vague
cohesion-wave-error-framework = Choisissez un cadre.
cohesion-wave-error-label = Donnez un nom à la vague (80 caractères au plus).
cohesion-wave-error-closes = Indiquez le dernier jour au format AAAA-MM-JJ, d'aujourd'hui à dans deux ans.
cohesion-wave-error-planned = Indiquez l'échantillon prévu en nombre entier de 1 à 1 000 000.
cohesion-wave-error-strata = Indiquez les répondants prévus en nombres entiers.
cohesion-wave-error-strata-sum = Les répondants prévus des groupes dépassent l'échantillon prévu.
cohesion-wave-error-weight = Indiquez chaque part en pourcentage de 0 à 100.
cohesion-wave-error-weight-sum = Les parts de la population dépassent 100 % (ou sont nulles).
cohesion-wave-survey-title = Enquête de perception des habitants, { $municipality }, { $wave }
cohesion-wave-survey-description = Auto-évaluation de la cohésion sociale de { $municipality } : comment les habitants, accueillants et réfugiés, voient les relations, la municipalité, les services, la sécurité et l'appartenance. Les réponses sont anonymes : seuls des totaux sont montrés.
audit-action-cohesion-wave-started = Vague de cohésion lancée
audit-action-cohesion-wave-scored = Vague de cohésion calculée
cohesion-wave-links = Liens personnels pour les habitants
cohesion-wave-links-lead = Chaque habitant reçoit son propre lien par courriel : une réponse par lien, sans compte. Seuls des totaux sont montrés.
cohesion-wave-link-sent = Le lien a été envoyé.
cohesion-wave-link-name = Nom de l'habitant
cohesion-wave-link-email = Adresse électronique de l'habitant
cohesion-wave-link-locale = Langue de l'invitation
cohesion-wave-link-send = Envoyer le lien
cohesion-wave-error-link-closed = Choisissez une vague dont la campagne recueille des réponses.
cohesion-links-list = Plusieurs habitants à la fois
cohesion-links-list-lead = Collez les habitants à inviter, un par ligne, au plus { $max } lignes. Chacun reçoit son propre lien par courriel, dans la langue choisie ci-dessous.
cohesion-links-list-format = Un habitant par ligne : amal@example.org, ou Amal Haddad <amal@example.org>, ou Amal Haddad, amal@example.org. La strate de l'habitant peut suivre après une virgule : Amal Haddad, amal@example.org, refugee.
cohesion-links-list-duplicates = Si une ligne est erronée, aucun lien n'est envoyé et chaque ligne erronée est désignée par son numéro. Une adresse qui figure deux fois dans la liste, ou qui a déjà un lien pour cette vague, est ignorée : chaque adresse reçoit un seul lien, donc une seule réponse.
cohesion-links-list-strata = Strates possibles :
cohesion-links-list-text = Habitants, un par ligne
cohesion-links-list-send = Envoyer les liens
cohesion-links-list-refused = Rien n'a été envoyé. Corrigez ces lignes et renvoyez la liste :
cohesion-links-line = Ligne { $line } : { $problem }
cohesion-links-error-format = écrivez une adresse, un nom et une adresse, ou un nom, une adresse et une strate.
cohesion-links-error-email = ce n'est pas une adresse électronique.
cohesion-links-error-name = le nom dépasse 200 caractères.
cohesion-links-error-no-strata = le cadre de cette vague n'a pas de strates : retirez la strate.
cohesion-links-error-stratum = strate inconnue ; utilisez l'une de celles-ci : { $strata }.
cohesion-links-error-empty = Collez au moins un habitant.
cohesion-links-error-too-many = La liste dépasse { $max } lignes : envoyez-la en plusieurs fois.
cohesion-links-sent = { $n ->
    [one] Un lien envoyé.
   *[other] { $n } liens envoyés.
}
cohesion-links-skipped-repeated = Ignorées, déjà plus haut dans la liste : lignes { $lines }.
cohesion-links-skipped-already = Ignorées, un lien a déjà été envoyé pour cette vague : lignes { $lines }.
cohesion-municipal-survey-title = Questionnaire municipal : { $municipality }, { $wave }
cohesion-municipal-survey-description = Les politiques, services et données de la municipalité pour la cohésion sociale, renseignés par son point focal une fois par vague.
cohesion-municipal-title = Questionnaire municipal
cohesion-municipal-lead = Chaque vague interroge aussi la municipalité elle-même sur ses politiques, ses services et ses données. Son point focal répond une fois par vague et peut joindre des documents qui étayent une réponse.
cohesion-municipal-answered = Répondu
cohesion-municipal-not-answered = Pas encore répondu
cohesion-municipal-answer = Ouvrir le questionnaire
cohesion-evidence-private = Les documents ne sont vus que par les personnes de la municipalité et les coordinateurs du réseau, jamais par d'autres municipalités ni par le public.
cohesion-evidence-attached = Le document a été joint.
cohesion-evidence-none = Aucun document joint pour l'instant.
cohesion-evidence-about = Ce qu'il montre
cohesion-evidence-whole = La réponse dans son ensemble
cohesion-evidence-file = Document
cohesion-evidence-attach = Joindre le document
cohesion-evidence-limits = PDF, Word, Excel, PowerPoint, OpenDocument, JPEG ou PNG, { $mb } Mo au plus chacun ; { $max } documents au plus par vague.
cohesion-evidence-error-none = Choisissez un document à joindre.
cohesion-evidence-error-question = Choisissez une question du questionnaire, ou la réponse dans son ensemble.
cohesion-evidence-error-kind = Joignez un document : PDF, Word, Excel, PowerPoint, OpenDocument, JPEG ou PNG.
cohesion-evidence-error-mismatch = Le contenu du fichier n'est pas ce que dit son nom (son extension désigne un autre type). Renommez-le ou choisissez le bon fichier.
cohesion-evidence-error-many = Cette vague contient déjà autant de documents qu'elle le peut.
cohesion-evidence-remove = Retirer
cohesion-evidence-removed = Le document a été retiré.
audit-action-cohesion-evidence-attached = Pièce justificative jointe
audit-action-cohesion-evidence-removed = Pièce justificative retirée
cohesion-strata-title = Liens personnels par strate
cohesion-strata-lead = Pour chaque vague dont le plan d'échantillonnage nomme des strates : les répondants prévus dans chaque strate, les liens personnels envoyés pour elle (une liste collée donne la strate de chaque ligne) et combien de ces liens ont reçu une réponse.
cohesion-stratum = Strate
cohesion-strata-planned = Répondants prévus
cohesion-strata-sent = Liens envoyés
cohesion-strata-answered = Réponses reçues
cohesion-stratum-none = Sans strate indiquée
cohesion-municipal-dashboard = Politiques et services municipaux
cohesion-municipal-dashboard-lead = Les réponses de la municipalité elle-même au questionnaire municipal de la dernière vague, sur ses politiques, ses services et ses données.
cohesion-municipal-question = Question
cohesion-municipal-answer-column = Réponse
cohesion-municipal-documents = Documents
cohesion-municipal-unanswered = Sans réponse
cohesion-municipal-no-score = Aucune question n'a reçu de réponse
cohesion-municipal-answered-n = { $n ->
    [one] 1 question répondue
   *[other] { $n } questions répondues
}
cohesion-municipal-unanswered-n = { $n ->
    [one] 1 question sans réponse
   *[other] { $n } questions sans réponse
}
cohesion-municipal-whole-n = Documents joints à la réponse dans son ensemble : { $n }
cohesion-municipal-not-submitted = La municipalité n'a pas encore envoyé ses réponses pour cette vague.
cohesion-municipal-rule = Chaque réponse vaut 100 pour oui, 50 pour en partie et 0 pour non. Le score d'une section est la moyenne de ses questions répondues, celui du questionnaire la moyenne de toutes ses questions répondues ; les questions sans réponse sont écartées des scores et comptées.
cohesion-municipal-documents-private = Les documents eux-mêmes ne sont vus que par les personnes de la municipalité et les coordinateurs du réseau ; seul leur nombre est indiqué ici.

## Pictures and charts: the member map, charts of counts, a municipality's position
network-map = Les membres sur la carte
network-map-source = Frontières : Natural Earth (domaine public). Chaque point est une municipalité membre ; le tableau les énumère toutes.
network-map-places = { $count ->
    [one] Une municipalité sur la carte
   *[other] { $count } municipalités sur la carte
}
column-municipality = Municipalité
network-chart-members = Municipalités membres par pays
network-chart-refugees = Réfugiés accueillis, par pays
network-refugees-none = Aucune municipalité membre n’a encore indiqué de nombre de réfugiés : il n’y a donc pas de graphique, car une barre à 0 dirait à tort qu’aucun n’est accueilli.
network-refugees-unreported = { $count ->
    [one] Un pays n’a pas de chiffre indiqué, donc pas de barre.
   *[other] { $count } pays n’ont pas de chiffre indiqué, donc pas de barre.
}
chart-table-beside = Les mêmes chiffres figurent dans le tableau à côté du graphique.
edit-position = Position sur la carte
edit-position-hint = En degrés décimaux, par exemple 37.0662 et 37.3833 ; le sud et l’ouest sont négatifs. Laissez les deux vides pour ne pas la placer sur la carte.
edit-latitude = Latitude
edit-longitude = Longitude
edit-error-latitude = Indiquez une latitude entre -90 et 90 en degrés décimaux, ou laissez les deux coordonnées vides.
edit-error-longitude = Indiquez une longitude entre -180 et 180 en degrés décimaux, ou laissez les deux coordonnées vides.
picture-title = Photos
picture-none = Pas encore de photo.
picture-manage = Ajouter ou retirer des photos
picture-add = Ajouter une photo
picture-added = La photo a été ajoutée.
picture-deleted = La photo a été supprimée.
picture-delete = Supprimer
picture-file = Photo
picture-file-hint = JPEG, PNG ou WebP, { $size } Mo au plus. Elle est affichée réduite à 640 pixels au plus de côté.
picture-alt = Description de la photo (texte alternatif)
picture-alt-hint = Dites ce que montre la photo, pour les personnes qui ne peuvent pas la voir. Obligatoire dans la langue où vous l’écrivez ; les traductions sont facultatives.
picture-alt-orig = Écrite en
picture-upload = Envoyer la photo
picture-error-none = Choisissez une photo à envoyer.
picture-error-kind = Ce fichier n’est pas une image JPEG, PNG ou WebP.
picture-error-unreadable = Cette image est illisible ; elle est peut-être endommagée.
picture-error-many = Le nombre maximal de photos (12) est déjà atteint.
picture-error-alt = Décrivez la photo dans la langue choisie sous « Écrite en ».
picture-error-alt-long = Chaque description compte au plus 300 caractères.
audit-action-picture-added = Photo ajoutée
audit-action-picture-deleted = Photo supprimée

## Languages, dates and time zones
event-your-time = Dans votre fuseau horaire :
time-zone-title = Fuseau horaire
time-zone-lead = Les pages des événements indiquent les heures dans le fuseau horaire du lieu. Choisissez le vôtre pour les voir aussi à votre heure.
time-zone-field = Votre fuseau horaire
time-zone-hint = Un nom de lieu de la base des fuseaux horaires, par exemple Europe/Istanbul ou Asia/Beirut. Laissez vide pour ne voir que les heures du lieu.
time-zone-saved = Votre fuseau horaire est enregistré.
time-zone-unknown = Ce n'est pas un fuseau horaire de la liste. Choisissez-en un comme Europe/Berlin, ou laissez le champ vide.
time-zone-none = non choisi (heures du lieu seulement)
countries-network = Pays du réseau
countries-other = Autres pays
demo-stand-in-heading = À propos de ce fichier
demo-stand-in-text = Ce fichier tient lieu du document original dans le réseau de démonstration de Majlis. Les documents sources de la démonstration citent ce document dans cette langue sans le contenir : cette page a donc été créée au chargement de la démonstration, pour que la lecture et le téléchargement puissent être essayés.
demo-stand-in-footer = Réseau de démonstration Majlis · fichier de remplacement, pas le document original
