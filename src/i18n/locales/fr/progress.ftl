# Progression des participants (formateurs et coordinateurs) et liste des participants.

trainer-progress-title = Progression des participants
trainer-progress-link = Progression des participants
trainer-progress-intro = Le cours compte { $lessons } leçons ; { $held ->
    [one] { $held } séance a
   *[other] { $held } séances ont
} eu lieu jusqu’ici.
trainer-progress-no-email = Les coordonnées ne sont visibles que par les coordinateurs.
trainer-progress-summary = Résumé
trainer-progress-participants = Participants
trainer-progress-shown = Participants affichés
trainer-progress-average-lessons = Progression moyenne dans les leçons
trainer-progress-attendance-rate = Taux de présence
trainer-progress-completed = Formation terminée
trainer-progress-search = Nom
trainer-progress-sort = Ordre
trainer-progress-sort-name = Par nom
trainer-progress-sort-lessons = Le plus de leçons faites d’abord
trainer-progress-sort-attendance = Meilleure présence d’abord
trainer-progress-apply = Afficher
trainer-progress-clear = Effacer les filtres
trainer-progress-download = Télécharger cette liste :
trainer-progress-caption = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
trainer-progress-col-name = Nom
trainer-progress-col-native = Nom dans son écriture
trainer-progress-col-state = Statut
trainer-progress-col-lessons = Leçons faites
trainer-progress-col-sessions = Séances suivies
trainer-progress-col-excused = Excusé
trainer-progress-col-certificate = Certificat
trainer-progress-col-lessons-done = Leçons faites
trainer-progress-col-lessons-total = Leçons du cours
trainer-progress-col-lessons-share = Progression dans les leçons (%)
trainer-progress-col-attended = Séances suivies
trainer-progress-col-held = Séances tenues
trainer-progress-col-attendance-share = Taux de présence (%)
trainer-progress-of = { $done } / { $total }
trainer-progress-percent = { $percent } %
trainer-progress-yes = Oui
trainer-progress-no = Non
trainer-progress-none = Aucun participant ne correspond.
trainer-progress-attendance-note = « Suivie » signifie présent ou en retard. Les séances dont un participant a été excusé ne comptent pas dans son taux de présence.
trainer-progress-bad-country = Ce code de pays est inconnu ; choisissez un pays dans la liste.
trainer-progress-bad-state = Seuls les participants acceptés ou ayant terminé la formation sont listés ; choisissez l’un de ces statuts.
trainer-progress-bad-sort = Cet ordre est inconnu ; choisissez-en un dans la liste.

directory-title = Participants
directory-link = Liste des participants
directory-intro = Seuls les participants qui ont accepté de figurer dans la liste des participants sont affichés.
directory-intro-coordinator = Vous voyez toutes les personnes inscrites. Celles marquées « non listé » n’ont pas accepté de figurer dans la liste : les participants et les formateurs ne les voient pas.
directory-caption = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
directory-not-listed = non listé
directory-none = Personne n’est encore listé.
