app-name = WTA Academy
footer-text = Association mondiale des technopoles (WTA) · Atelier international de formation UNESCO-WTA et Forum mondial de l’innovation

nav-skip = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-login = Se connecter
nav-signup = S’inscrire
nav-logout = Se déconnecter
nav-profile = Profil
nav-security = Mot de passe et sessions
nav-admin-users = Utilisateurs
nav-language = Langue

home-title = La formation des responsables de parcs scientifiques et technologiques
home-lead = WTA Academy organise l’Atelier international de formation UNESCO-WTA et le Forum mondial de l’innovation : posez votre candidature à une édition, suivez le cours sur la gouvernance des parcs scientifiques, participez aux sessions en direct et recevez votre certificat.
home-participants-title = Participants
home-participants-text = Les gestionnaires de parcs et les responsables municipaux posent leur candidature à une édition, progressent module par module et obtiennent un certificat à leur nom, écrit dans leur propre écriture.
home-trainers-title = Formateurs
home-trainers-text = Les formateurs préparent les modules et les leçons, partagent leurs supports et font l’appel à chaque session.
home-coordinators-title = Coordinateurs
home-coordinators-text = Les coordinateurs de l’UNESCO et de la WTA ouvrent les éditions, sélectionnent les participants et délivrent les certificats.

login-title = Connexion
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Créer un compte

signup-title = Créer un compte
signup-lead = Créez un compte pour poser votre candidature aux ateliers de formation et suivre le cours.
signup-submit = Créer le compte

forgot-title = Mot de passe oublié
forgot-lead = Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-sent = Si un compte existe pour cette adresse, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Veuillez consulter votre boîte de réception.

reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-ask-again = Demander un nouveau lien

security-title = Mot de passe et sessions
security-change-password = Changer votre mot de passe
security-change-submit = Changer le mot de passe
security-sessions = Où vous êtes connecté
security-session-count = { $count ->
    [one] Vous avez une session ouverte sur { $count } appareil ou navigateur.
   *[other] Vous avez des sessions ouvertes sur { $count } appareils ou navigateurs.
}
security-logout-everywhere = Se déconnecter partout

profile-title = Votre profil
profile-signed-in-as = Connecté en tant que
profile-certificate-name = Nom sur votre certificat
profile-region = Région UNESCO
profile-save = Enregistrer le profil

admin-users-title = Utilisateurs
admin-users-search = Rechercher par nom ou adresse e-mail
admin-users-count = { $count ->
    [one] { $count } compte
   *[other] { $count } comptes
}
admin-users-role = Rôle
admin-users-status = Statut
admin-users-change-role = Changer le rôle
admin-users-active = Actif
admin-users-inactive = Désactivé
admin-users-activate = Activer
admin-users-deactivate = Désactiver

search-submit = Rechercher
pager-label = Pages
pager-previous = Précédente
pager-next = Suivante
pager-page = Page { $page } sur { $pages }

field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-password-confirm = Confirmez le mot de passe
field-current-password = Mot de passe actuel
field-display-name = Nom
field-certificate-name-latin = Nom en caractères latins
field-certificate-name-native = Nom dans votre propre écriture (facultatif)
field-organisation = Organisation
field-organisation-type = Type d’organisation
field-country = Pays
field-position = Fonction
field-preferred-language = Langue du site et des e-mails
field-time-zone = Fuseau horaire

hint-password = Au moins 10 caractères. Évitez les mots de passe courants.
hint-certificate-name = Saisissez votre nom exactement tel qu’il doit être imprimé, par exemple « Nguyen Van Minh » en caractères latins et « Nguyễn Văn Minh » dans votre propre écriture.

choose-none = — Non renseigné —
choose-browser-language = Comme mon navigateur

role-participant = Participant
role-coordinator = Coordinateur
role-admin = Administrateur

org-type-city-government = Administration municipale ou régionale
org-type-stp = Parc scientifique et technologique
org-type-university = Université
org-type-research-institute = Institut de recherche
org-type-company = Entreprise
org-type-ngo = Organisation non gouvernementale
org-type-international-organisation = Organisation internationale

region-africa = Afrique
region-arab-states = États arabes
region-asia-pacific = Asie et Pacifique
region-europe-north-america = Europe et Amérique du Nord
region-latin-america-caribbean = Amérique latine et Caraïbes

flash-welcome = Bienvenue, { $name } !
flash-signed-up = Votre compte est prêt. Veuillez compléter votre profil.
flash-logged-out = Vous êtes maintenant déconnecté.
flash-logged-out-everywhere = Vos sessions ont été fermées sur tous les appareils. Veuillez vous reconnecter.
flash-password-changed = Votre mot de passe a été modifié. Les sessions ouvertes sur les autres appareils ont été fermées.
flash-password-reset = Votre nouveau mot de passe est enregistré. Vous pouvez maintenant vous connecter.
flash-profile-saved = Votre profil a été enregistré.
flash-role-changed = Le rôle a été modifié.
flash-account-updated = Le compte a été mis à jour.

status-400 = Requête incorrecte
status-401 = Veuillez vous connecter
status-403 = Action non autorisée
status-404 = Page introuvable
status-413 = Trop volumineux
status-422 = Veuillez vérifier votre saisie
status-429 = Trop de tentatives
status-500 = Une erreur s’est produite
status-503 = Temporairement indisponible
error-back-home = Retour à l’accueil

err-bad-request = La requête n’a pas pu être comprise.
err-unauthenticated = Veuillez vous connecter pour continuer.
err-forbidden = Vous n’êtes pas autorisé à effectuer cette action.
err-csrf = Ce formulaire a expiré ou ne provient pas de ce site. Veuillez revenir en arrière, recharger la page et l’envoyer à nouveau.
err-not-found = Nous n’avons pas trouvé cette page.
err-too-large = Ce que vous avez envoyé est trop volumineux.
err-unprocessable = Une partie de ce que vous avez envoyé n’a pas pu être lue. Veuillez vérifier et réessayer.
err-throttled = Trop de tentatives échouées. Veuillez patienter une minute et réessayer.
err-unavailable = Le service est temporairement indisponible. Veuillez réessayer dans quelques minutes.
err-internal = Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.
err-invalid-input = Veuillez corriger les champs mis en évidence.
err-json-required = Envoyez le corps de la requête en JSON avec l’en-tête Content-Type: application/json.
err-form-has-errors = Veuillez corriger les champs signalés ci-dessous.
err-login-failed = L’adresse e-mail ou le mot de passe est incorrect.
err-email-required = Veuillez saisir votre adresse e-mail.
err-email-invalid = Cette adresse e-mail n’est pas valide ; exemple : nom@example.org.
err-email-taken = Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.
err-password-short = Le mot de passe doit comporter au moins 10 caractères.
err-password-long = Le mot de passe doit comporter au plus 256 caractères.
err-password-common = Ce mot de passe est trop facile à deviner. Veuillez en choisir un autre.
err-password-mismatch = Les deux mots de passe ne sont pas identiques.
err-password-current-wrong = Votre mot de passe actuel est incorrect.
err-reset-token-invalid = Ce lien n’est plus valide : il a expiré ou a déjà été utilisé.
err-name-required = Veuillez saisir un nom.
err-name-control = Le nom contient des caractères qui ne peuvent pas être imprimés.
err-name-too-long = Le nom doit comporter au plus 120 caractères.
err-name-no-letters = Le nom doit contenir des lettres.
err-name-not-latin = Veuillez utiliser ici des caractères latins ; utilisez le champ suivant pour votre propre écriture.
err-text-control = Le texte contient des caractères qui ne peuvent pas être imprimés.
err-text-too-long = Le texte doit comporter au plus 200 caractères.
err-role-unknown = Rôle inconnu. Choisissez participant, coordinateur ou administrateur.
err-organisation-type-unknown = Veuillez choisir un type d’organisation dans la liste.
err-country-unknown = Veuillez choisir un pays dans la liste.
err-language-unknown = Veuillez choisir une langue dans la liste.
err-time-zone-unknown = Veuillez choisir un fuseau horaire dans la liste, par exemple Asia/Seoul.
err-last-admin = Le dernier administrateur ne peut ni perdre ce rôle ni être désactivé.

mail-reset-subject = Choisissez un nouveau mot de passe pour WTA Academy
mail-reset-body =
    Bonjour { $name },

    Quelqu’un (probablement vous) a demandé à choisir un nouveau mot de passe pour votre compte WTA Academy.
    Ouvrez ce lien dans les { $minutes } minutes pour le définir :

    { $link }

    Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer ce message : votre mot de passe reste inchangé.

    WTA Academy
