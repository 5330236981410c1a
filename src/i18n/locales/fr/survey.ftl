survey-title = Questionnaire de satisfaction
survey-give-feedback = Donner votre avis
survey-intro = Dites-nous comment l’atelier s’est passé pour vous. Vos réponses nous aident à améliorer la prochaine édition.
survey-anonymous-note = Vos réponses sont anonymes : les coordinateurs les voient sans votre nom.
survey-named-note = Les coordinateurs voient votre nom avec vos réponses.
survey-required-note = Les questions marquées d’un * demandent une réponse.
survey-preview-note = Les participants répondent au questionnaire sur cette page. Vous la voyez comme eux, sans bouton pour envoyer des réponses.
survey-submit = Envoyer mes réponses
survey-thanks = Merci : vous avez répondu à ce questionnaire le { $date }.
survey-none = Cette édition n’a pas encore de questionnaire de satisfaction.
survey-text-limit = 2000 caractères au plus.
survey-scale-1 = Pas du tout d’accord
survey-scale-2 = Plutôt pas d’accord
survey-scale-3 = Ni d’accord ni en désaccord
survey-scale-4 = Plutôt d’accord
survey-scale-5 = Tout à fait d’accord
survey-kind-likert = Échelle de 1 (pas du tout d’accord) à 5 (tout à fait d’accord)
survey-kind-text = Texte libre
flash-survey-submitted = Merci pour votre avis.

survey-manage-title = Questionnaire de satisfaction : questions
survey-see-as-participant = Voir comme un participant
survey-answers-count = { $count } participants sur { $total } ont répondu.
survey-locked-note = Des réponses ont été reçues : les questions peuvent encore être réordonnées, mais pas ajoutées ni supprimées, et l’anonymat ne peut plus changer.
survey-questions = Questions
survey-no-questions = Aucune question pour l’instant.
survey-required = réponse obligatoire
survey-move-up = Monter
survey-move-down = Descendre
survey-remove = Supprimer
survey-add-title = Ajouter une question
survey-field-kind = Type de réponse
survey-field-prompt = Question
survey-field-required = Réponse obligatoire
survey-add = Ajouter la question
survey-anonymity-title = Anonymat
survey-anonymous-label = Réponses anonymes : les résultats ne montrent jamais qui a dit quoi
survey-save = Enregistrer
flash-survey-saved = Le questionnaire est enregistré.
flash-survey-question-removed = La question est supprimée.

survey-results-title = Résultats du questionnaire
survey-results-anonymous = Les réponses sont anonymes.
survey-results-named = Les réponses portent le nom des participants.
survey-results-mean = { $count ->
    [one] Moyenne { $mean } sur une réponse
   *[other] Moyenne { $mean } sur { $count } réponses
}
survey-results-no-answers = Pas encore de réponse.
survey-col-value = Réponse
survey-col-count = Nombre
survey-col-share = Part

err-survey-kind = Choisissez une échelle ou un texte libre.
err-survey-prompt-required = Écrivez la question.
err-survey-prompt-too-long = La question ne peut dépasser 500 caractères.
err-survey-control = Le texte contient des caractères de contrôle ; supprimez-les et réessayez.
err-survey-answer-required = Cette question demande une réponse.
err-survey-likert = Choisissez une valeur de 1 à 5.
err-survey-answer-too-long = La réponse ne peut dépasser 2000 caractères.
err-survey-check-answers = Certaines réponses demandent votre attention ; voyez les messages ci-dessous.
err-survey-participants-only = Seuls les participants de l’édition répondent au questionnaire.
err-survey-none = Cette édition n’a pas encore de questionnaire.
err-survey-already = Vous avez déjà répondu à ce questionnaire ; les réponses ne s’envoient qu’une fois.
err-survey-locked = Des réponses ont été reçues : on ne peut plus ajouter ni supprimer de questions, ni changer l’anonymat, afin que toutes les réponses portent sur le même questionnaire.
err-survey-too-many = Un questionnaire compte au plus 50 questions.
