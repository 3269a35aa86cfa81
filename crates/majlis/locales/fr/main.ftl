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
field-population_year = année du chiffre de population
field-refugees = réfugiés accueillis
field-refugees_year = année du chiffre des réfugiés accueillis
field-themes = thèmes

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
