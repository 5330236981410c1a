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
pager-bad-page = Le numéro de page doit être un nombre entier à partir de 1.

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

## Catalogue et éditions
nav-catalogue = Catalogue
nav-my-learning = Mes formations
nav-manage-editions = Éditions
catalogue-title = Programmes et éditions
catalogue-lead = L’Atelier international de formation UNESCO-WTA et le Forum mondial de l’innovation : trouvez une édition, consultez son cours et son emploi du temps, et posez votre candidature lorsque les candidatures sont ouvertes.
catalogue-current = Éditions en cours et à venir
catalogue-past = Éditions passées
catalogue-none-current = Aucune édition n’est prévue pour le moment.
catalogue-empty = Aucun programme pour l’instant.
catalogue-applications-open = Candidatures ouvertes
phase-upcoming = À venir
phase-running = En cours
phase-past = Terminée
mode-on-site = En présentiel
mode-online = En ligne
mode-blended = Hybride (en ligne et en présentiel)
admission-open = Ouverte : tous les candidats sont admis tant qu’il reste des places
admission-reviewed = Sur sélection : les coordinateurs sélectionnent les participants
edition-dates = Dates
edition-place = Lieu
edition-mode = Format
edition-capacity = Places
edition-languages = Langues de travail
edition-admission = Admission
edition-applications = Candidatures
edition-applications-open-until = Candidatures ouvertes jusqu’au
edition-applications-window = Candidatures :
edition-applications-closed = Les candidatures sont closes pour cette édition.
edition-apply-hint = Connectez-vous avec votre compte pour poser votre candidature ; les coordinateurs confirment chaque place par e-mail.
edition-calendar = Ajouter l’emploi du temps à votre agenda (iCalendar)
edition-course = Cours
edition-sequential = Les leçons s’ouvrent l’une après l’autre : terminez une leçon pour débloquer la suivante.
edition-timetable = Emploi du temps
edition-times-in = Les horaires sont indiqués dans le fuseau horaire de l’édition, { $zone }.
edition-times-both = Les horaires sont indiqués dans le fuseau horaire de l’édition, { $zone }, et ci-dessous dans le vôtre, { $viewer }.
edition-no-sessions = Aucune session n’est encore programmée.
edition-trainers = Formateurs
edition-no-trainers = Aucun formateur n’est encore affecté.
edition-manage-sessions = Gérer les sessions
edition-edit = Modifier l’édition
edition-clone = Copier dans une nouvelle édition
session-kind-lecture = Conférence
session-kind-workshop = Atelier
session-kind-site-visit = Visite de site
session-kind-panel = Table ronde
session-online = Rejoindre en ligne

## Apprentissage
module-lesson-count = { $count ->
    [one] { $count } leçon
   *[other] { $count } leçons
}
module-outcomes = Ce que vous saurez faire
module-lessons = Leçons
module-self-check = Testez-vous
module-show-answer = Afficher la réponse
module-further-reading = Pour aller plus loin
module-enrol-to-read = La première leçon de chaque module est ouverte à tous. Les participants de l’édition ont accès à toutes les leçons.
lesson-minutes = { $minutes } min
lesson-shown-in = affichée dans la langue « { $language } » : pas encore de traduction
lesson-outcomes = Dans cette leçon
lesson-done = Terminée
lesson-locked = Verrouillée
lesson-preview = Aperçu
lesson-preview-hint = Cette leçon est un aperçu gratuit. Posez votre candidature à l’édition pour suivre l’ensemble du cours.
lesson-mark-done = Marquer comme terminée
lesson-mark-undone = Marquer comme non terminée
lesson-nav = Leçon précédente et leçon suivante
lesson-note-title = Note des formateurs de cette édition
lesson-note-edit = Note pour les participants de cette édition
lesson-note-hint = Affichée sous la leçon, uniquement pour les membres de cette édition. Le Markdown est autorisé ; laissez le champ vide pour supprimer la note.
lesson-note-save = Enregistrer la note
progress-count = Leçons terminées : { $done } sur { $total }
progress-course = Progression dans le cours
progress-module = Progression dans le module
my-title = Mes formations
my-none = Vous ne participez encore à aucune édition.
my-continue = Continuer
my-role-participant = Participant
my-role-trainer = Formateur
my-calendar-title = Votre agenda personnel
my-calendar-text = Un lien privé unique regroupe les sessions de toutes vos éditions ; les applications d’agenda l’actualisent et affichent les changements. Renouvelez-le si vous l’avez partagé par erreur : l’ancien lien cessera de fonctionner.
my-calendar-create = Créer mon lien d’agenda
my-calendar-renew = Renouveler le lien
flash-lesson-done = Leçon marquée comme terminée.
flash-lesson-undone = Leçon marquée comme non terminée.
flash-note-saved = La note est enregistrée.
flash-calendar-link = Votre lien d’agenda est prêt.

## Gestion des éditions et des sessions
manage-editions-title = Éditions
manage-editions-new = Nouvelle édition
manage-edition-form-title = Édition
manage-actions = Actions
manage-save = Enregistrer
manage-clone-explain = La copie reprend le même cours, les mêmes sessions et les mêmes paramètres. Toutes les dates sont décalées du même nombre de jours pour partir du nouveau premier jour ; les sessions conservent leur heure. La période de candidature reste vide et les formateurs doivent être affectés à nouveau.
manage-trainer-email = Adresse e-mail du compte du formateur
manage-trainer-add = Affecter comme formateur
manage-trainer-remove = Retirer
manage-sessions-title = Sessions
manage-session-new = Nouvelle session
manage-session-edit = Modifier
manage-session-delete = Supprimer cette session
field-program = Programme
field-slug = Nom court dans les adresses
hint-slug = Lettres minuscules, chiffres et tirets, par exemple itw-2028.
field-number = Numéro de l’édition
field-edition-title = Titre
field-theme = Thème
field-summary = Résumé
field-starts-on = Premier jour
field-ends-on = Dernier jour
field-venue = Lieu
field-city = Ville
field-applications-open = Ouverture des candidatures
field-applications-close = Clôture des candidatures
hint-application-window = Heure dans le fuseau horaire de l’édition. Laissez les deux champs vides pour garder les candidatures fermées.
field-sequential = Leçons ouvertes l’une après l’autre
field-session-title = Titre
field-session-kind = Type
field-session-starts = Début
field-session-ends = Fin
field-room = Salle ou point de rendez-vous
field-online-url = Lien de connexion en ligne
field-session-module = Module
flash-edition-saved = L’édition est enregistrée.
flash-edition-cloned = La nouvelle édition est créée. Vérifiez ses informations et ouvrez les candidatures lorsque tout est prêt.
flash-trainer-added = Le formateur est affecté.
flash-trainer-removed = Le formateur est retiré de cette édition.
flash-session-saved = La session est enregistrée.
flash-session-deleted = La session est supprimée.
err-slug-invalid = Utilisez de 2 à 60 lettres minuscules, chiffres et tirets, en commençant par une lettre ou un chiffre.
err-slug-taken = Une autre édition utilise déjà ce nom court.
err-number-invalid = Saisissez un nombre entier supérieur ou égal à 1.
err-number-taken = Ce programme a déjà une édition portant ce numéro.
err-title-required = Veuillez saisir un titre.
err-long-text-too-long = Ce texte est trop long (4 000 caractères au maximum).
err-date-invalid = Saisissez une date au format YYYY-MM-DD.
err-datetime-invalid = Saisissez une date et une heure au format YYYY-MM-DD HH:MM.
err-end-before-start = La fin doit être postérieure au début.
err-capacity-invalid = Saisissez un nombre de places supérieur ou égal à 1.
err-mode-unknown = Choisissez en présentiel, en ligne ou hybride.
err-admission-unknown = Choisissez une admission ouverte ou sur sélection.
err-languages-required = Choisissez au moins une langue de travail.
err-url-invalid = Saisissez une adresse web complète commençant par https://.
err-session-kind-unknown = Choisissez conférence, atelier, visite de site ou table ronde.
err-session-outside-edition = La session doit avoir lieu entre le premier et le dernier jour de l’édition.
err-sessions-outside-dates = Certaines sessions se trouveraient en dehors de ces dates : déplacez-les ou supprimez-les d’abord.
err-program-unknown = Veuillez choisir un programme.
err-module-unknown = L’un des modules choisis n’existe pas.
err-module-not-in-course = Ce module ne fait pas partie du cours de l’édition.
err-trainer-unknown = Choisissez des formateurs parmi ceux qui sont affectés à cette édition.
err-trainer-no-account = Aucun compte n’utilise cette adresse e-mail. Le formateur doit d’abord s’inscrire.
err-lesson-locked = Cette leçon s’ouvrira lorsque vous aurez terminé les leçons précédentes.
err-progress-participants-only = Seuls les participants de l’édition peuvent enregistrer leur progression.

## Candidatures et inscriptions
mail-signature = WTA Academy
mail-enrollment-note = Message des coordinateurs :
mail-enrollment-received-subject = Candidature reçue : { $edition }
mail-enrollment-received-body =
    Bonjour { $name },

    Nous avons bien reçu votre candidature à { $edition }. Les coordinateurs examinent chaque candidature et vous écriront pour vous faire part de leur décision.

    Vous pouvez suivre votre candidature ici : { $link }
mail-enrollment-accepted-subject = Candidature acceptée : { $edition }
mail-enrollment-accepted-body =
    Bonjour { $name },

    Nous avons le plaisir de vous confirmer votre place à { $edition }. Le cours et l’emploi du temps vous sont désormais accessibles.

    Votre candidature : { $link }
mail-enrollment-waitlisted-subject = Vous êtes sur la liste d’attente : { $edition }
mail-enrollment-waitlisted-body =
    Bonjour { $name },

    Toutes les places de { $edition } sont occupées pour le moment ; vous figurez donc sur la liste d’attente, en position { $position }. Lorsqu’une place se libère, elle est proposée par e-mail à la première personne de la liste.

    Votre candidature : { $link }
mail-enrollment-offered-subject = Une place vous est proposée : { $edition }
mail-enrollment-offered-body =
    Bonjour { $name },

    Une place s’est libérée à { $edition } et vous est proposée. Veuillez l’accepter avant le { $deadline } ; passé ce délai, elle sera proposée à la personne suivante sur la liste d’attente.

    Accepter ou refuser : { $link }
mail-enrollment-expired-subject = La place proposée a expiré : { $edition }
mail-enrollment-expired-body =
    Bonjour { $name },

    La place qui vous était proposée à { $edition } n’a pas été acceptée à temps et a été proposée à la personne suivante sur la liste d’attente.

    Votre candidature : { $link }
mail-enrollment-rejected-subject = Votre candidature : { $edition }
mail-enrollment-rejected-body =
    Bonjour { $name },

    Nous vous remercions de votre candidature à { $edition }. Nous avons le regret de ne pas pouvoir vous offrir de place cette fois-ci.

    Votre candidature : { $link }
mail-enrollment-withdrawn-subject = Votre candidature est retirée : { $edition }
mail-enrollment-withdrawn-body =
    Bonjour { $name },

    Votre candidature à { $edition } est retirée. S’il s’agit d’une erreur, veuillez écrire aux coordinateurs.

    Votre candidature : { $link }
mail-digest-subject = Nouvelles candidatures du jour
mail-digest-intro = Nouvelles candidatures des dernières 24 heures :
err-certificate-name-required = Saisissez votre nom tel qu’il doit être imprimé sur le certificat, en caractères latins.
err-organisation-required = Saisissez votre organisation.
err-organisation-type-required = Choisissez le type de votre organisation.
err-country-required = Choisissez votre pays.
err-motivation-required = Expliquez en quelques phrases pourquoi vous posez votre candidature.
err-motivation-too-long = Ce texte est trop long (2 000 caractères au maximum).
err-already-applied = Vous avez déjà posé votre candidature à cette édition.
err-applications-closed = Les candidatures à cette édition ne sont pas ouvertes.
err-edition-full = Cette édition est complète : aucune autre candidature n’est acceptée.
err-application-locked = Cette candidature ne peut plus être modifiée.
err-cannot-withdraw = Cette candidature ne peut pas être retirée.
err-no-offer = Il n’y a aucune offre de place en cours à accepter.
err-decision-unknown = Choisissez accepter, liste d’attente ou refuser.
err-nothing-selected = Sélectionnez au moins une candidature.
err-decision-not-allowed = L’une des candidatures sélectionnées ne peut pas recevoir cette décision dans son état actuel.
err-capacity-full = Il n’y a pas assez de places libres. Pour dépasser la capacité, indiquez un motif.
err-quota-full = Ce pays a atteint son quota. Pour le dépasser, indiquez un motif.
err-invitation-invalid = Ce lien d’invitation n’est pas valide.
err-invitation-other-email = Cette invitation a été envoyée à une autre adresse e-mail. Connectez-vous avec cette adresse pour l’utiliser.
err-invitation-expired = Cette invitation a expiré ou a déjà été utilisée.
err-offer-hours-invalid = Saisissez un nombre d’heures compris entre 1 et 720.
err-quota-invalid = Saisissez un nombre entier supérieur ou égal à 1, ou laissez le champ vide pour ne fixer aucun quota.
field-offer-hours = Délai pour accepter une place proposée (en heures)
field-country-quota = Nombre maximal de participants par pays
hint-country-quota = Laissez vide pour ne fixer aucun quota. Les candidats au-delà du quota sont placés sur la liste d’attente.
mail-account-created-subject = Votre place à { $edition } : choisissez votre mot de passe
mail-account-created-body =
    Bonjour { $name },

    Les coordinateurs ont enregistré votre inscription à { $edition } et ont créé pour vous un compte sur WTA Academy.

    Choisissez votre mot de passe ici (le lien est valable { $days } jours) : { $link }

    WTA Academy
mail-invitation-subject = Invitation à poser votre candidature : { $edition }
mail-invitation-body =
    Bonjour,

    Les coordinateurs vous invitent à poser votre candidature à { $edition }. Connectez-vous (ou créez un compte avec cette adresse e-mail), puis ouvrez ce lien pour remplir votre candidature ; il ne peut servir qu’une fois et reste valable { $days } jours :

    { $link }

    WTA Academy
err-csv-too-large = Le fichier est trop volumineux (5 Mo au maximum).
err-csv-not-utf8 = Le fichier n’est pas encodé en UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez. Première ligne qui n’est pas en UTF-8 :
err-csv-empty = Le fichier est vide.
err-csv-header = La première ligne doit nommer les colonnes ; les colonnes email et name sont obligatoires, et seules les colonnes du modèle sont autorisées. Colonnes manquantes (-) ou inconnues (+) :
err-csv-unreadable = Le fichier ne peut pas être lu comme fichier CSV à la ligne
err-csv-duplicate = Cette adresse e-mail figure déjà plus haut dans le fichier.
err-csv-has-invalid-rows = Certaines lignes ne sont pas valides : corrigez-les et envoyez de nouveau le fichier. Rien n’a été importé.
application-state-submitted = Envoyée, en attente d’examen
application-state-accepted = Acceptée
application-state-waitlisted = Sur liste d’attente
application-state-offered = Une place vous est proposée
application-state-rejected = Non retenue
application-state-withdrawn = Retirée
application-state-expired = Offre expirée
application-state-completed = Formation terminée
decision-accepted = Accepter
decision-waitlisted = Placer sur la liste d’attente
decision-rejected = Refuser
waitlist-reason-capacity = édition complète
waitlist-reason-quota = quota du pays atteint
waitlist-reason-coordinator = décision des coordinateurs
import-status-new = nouveau compte
import-status-existing = compte existant
import-status-enrolled = déjà dans cette édition (ignoré)
import-status-invalid = non valide
edition-apply = Poser ma candidature
edition-your-application = Votre candidature
application-title = Votre candidature
application-your-state = Statut
application-position = Vous êtes en position { $position } sur la liste d’attente.
application-offer-until = Acceptez la place proposée avant le
application-accept-offer = Accepter la place
application-decline-offer = Refuser la place
application-withdraw = Retirer ma candidature
application-consents = Consentements
application-save = Enregistrer les modifications
application-submit = Envoyer ma candidature
consent-listed = Faire figurer mon nom et mon organisation dans la liste des participants communiquée aux participants de cette édition.
consent-photos = Les photographies de l’atelier sur lesquelles j’apparais peuvent être publiées.
consent-contact = La WTA peut me contacter après l’atelier au sujet des activités de suivi.
field-motivation = Pourquoi posez-vous votre candidature ?
hint-motivation = Quelques phrases sur votre travail et sur ce que vous souhaitez en retirer (2 000 caractères au maximum).
flash-application-sent = Votre candidature est envoyée. Vous allez recevoir une confirmation par e-mail.
flash-application-saved = Vos modifications sont enregistrées.
flash-application-withdrawn = Votre candidature est retirée.
flash-offer-accepted = La place est à vous. Bienvenue !
applications-title = Candidatures
applications-seats = Places
applications-seats-count = { $taken } places occupées sur { $capacity } ({ $free } libres), places proposées comprises.
applications-quota = Au plus { $quota } participants par pays. Places par pays :
applications-quota-full = complet
applications-by-state = Par statut
applications-invite = Inviter une personne
applications-skip-review = Accepter sans examen tant qu’il reste des places
applications-send-invitation = Envoyer l’invitation
applications-import = Inscrire une liste de participants (CSV)
applications-state = Statut
applications-region = Région UNESCO
applications-all-states = Tous les statuts
applications-all-regions = Toutes les régions
applications-all-countries = Tous les pays
applications-all-org-types = Tous les types d’organisation
applications-select = Sélectionner
applications-read = Lire
applications-none = Aucune candidature ne correspond.
applications-decide = Statuer sur les candidatures sélectionnées
applications-decision = Décision
applications-message = Message aux candidats (facultatif, ajouté à l’e-mail)
applications-override = Motif du dépassement de la capacité ou du quota
hint-override = Nécessaire uniquement pour accepter plus de personnes qu’il n’y a de places ; conservé dans le journal d’audit.
applications-apply-decision = Appliquer la décision
flash-decision-saved = La décision est enregistrée et les candidats en sont informés par e-mail.
flash-invitation-sent = L’invitation est envoyée.
flash-import-done = Importation terminée : { $created } comptes créés, { $enrolled } inscriptions, { $waitlisted } sur liste d’attente, { $skipped } déjà dans l’édition.
import-title = Inscrire une liste de participants
import-explain = Envoyez un fichier CSV (UTF-8, séparateur virgule ou point-virgule). Vous verrez d’abord chaque ligne ; rien n’est enregistré avant votre confirmation. Les personnes sans compte en reçoivent un, avec un e-mail pour choisir leur mot de passe ; les personnes déjà inscrites à l’édition sont ignorées.
import-template = Télécharger le modèle
import-file = Fichier CSV
import-preview = Vérifier le fichier
import-preview-title = Vérifier avant l’importation
import-counts = { $new } nouveaux comptes, { $existing } comptes existants, { $enrolled } déjà dans l’édition, { $invalid } lignes non valides.
import-confirm = Importer ces participants
import-line = Ligne
import-status = Résultat
import-problems = Problèmes
application-questions = Questions des coordinateurs
err-answer-required = Veuillez répondre à cette question.
err-answer-too-long = Cette réponse est trop longue.
err-answer-choice = Choisissez l’une des réponses proposées.
err-question-kind = Choisissez texte court, texte long ou choix unique.
err-question-label = Écrivez la question (200 caractères au plus).
err-question-choices = Indiquez au moins deux choix, un par ligne.
question-kind-short = texte court
question-kind-long = texte long
question-kind-choice = choix unique
questions-title = Questions supplémentaires du formulaire de candidature
questions-none = Aucune question supplémentaire.
questions-label = Question
questions-kind = Type de réponse
questions-choices = Choix, un par ligne (pour « choix unique »)
questions-required = obligatoire
questions-add = Ajouter la question
questions-remove = Supprimer
flash-question-added = La question est ajoutée au formulaire de candidature.
flash-question-removed = La question est supprimée.
err-file-name = Le nom du fichier ne peut contenir ni barre oblique, ni « .. », ni caractère de contrôle.
err-file-empty = Le fichier est vide.
err-file-too-large = Le fichier dépasse la taille maximale autorisée.
err-file-unreadable = Le téléversement a été interrompu. Veuillez réessayer.
err-file-missing = Choisissez un fichier à téléverser.
err-file-type = Ce type de fichier n’est pas accepté. Déposez un PDF, un document bureautique, une image, un son, une vidéo, un zip, un CSV ou du texte.
err-storage-unavailable = Les fichiers ne peuvent pas être enregistrés pour le moment. Réessayez dans quelques minutes ; rien n’a été modifié.
err-visibility-unknown = Choisissez qui peut voir ce document.
err-session-unknown = Cette session ne fait pas partie de l’édition.
materials-title = Documents
materials-manage = Gérer les documents
materials-upload = Ajouter un fichier
materials-visibility = Qui peut le voir
materials-file = Fichier
materials-hint = PDF, documents bureautiques, images, son, vidéo, zip, CSV ou texte ; au plus { $max } Mo.
materials-upload-button = Déposer
materials-version = version { $version }
materials-versions = Versions précédentes
materials-current = actuelle
materials-restore = Rétablir
materials-replace = Remplacer par une nouvelle version
materials-replace-button = Déposer la nouvelle version
materials-delete = Supprimer
materials-none = Aucun document pour l’instant.
materials-updated = mis à jour le { $date }
visibility-public = Tout le monde
visibility-participants = Participants de cette édition
visibility-trainers = Formateurs seulement
material-kind-pdf = PDF
material-kind-zip = Archive ZIP
material-kind-csv = Tableau CSV
material-kind-text = Texte
material-kind-document = Document
material-kind-spreadsheet = Tableur
material-kind-slides = Présentation
material-kind-image = Image
material-kind-video = Vidéo
material-kind-audio = Audio
material-kind-file = Fichier
materials-attach = Rattacher à
materials-attach-edition = Toute l’édition
materials-attach-modules = Modules et leçons
materials-attach-sessions = Séances en direct
materials-general = Pour toute l’édition
materials-module = Module : { $title }
materials-session = Séance : { $title }
materials-lesson = leçon « { $title } »
materials-uploading = Envoi en cours… { $percent } %
materials-upload-failed = L'envoi n'a pas abouti. Vérifiez la connexion et réessayez.
err-lesson-not-in-course = Cette leçon ne fait pas partie du cours de l’édition.
flash-material-saved = Le fichier est enregistré.
flash-material-deleted = Le document est supprimé.
