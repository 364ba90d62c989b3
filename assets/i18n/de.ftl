# Spanwise: die deutschen Texte des Fensters. Jede Meldung muss auch in en.ftl stehen, mit denselben
# Variablen (tests/i18n_ui.rs prüft das). Begriffe: Codierung, Code, Codebuch, Dokument, Memo,
# Codierer:in (Mehrzahl Codierer:innen), Korpus; Anrede mit „Sie“.

## Menüs
menu-file = Datei
menu-edit = Bearbeiten
menu-view = Ansicht
menu-help = Hilfe
menu-theme = Farbschema
theme-system = System
theme-light = Hell
theme-dark = Dunkel
menu-language = Sprache
language-system = System
language-german = Deutsch
language-english = English

## Aktionen (Menüs, Befehlspalette, Tastenkürzel)
action-file-open = Projekt öffnen…
action-file-new = Neues Projekt aus einem Ordner mit .txt-Dateien…
action-file-import-qdpx = .qdpx importieren…
action-file-add-documents = Dokumente hinzufügen…
action-file-save = Speichern
action-file-export = Exportieren…
action-file-quit = Beenden
action-edit-undo = Rückgängig
action-edit-redo = Wiederholen
action-coding-delete = Ausgewählte Codierung löschen
action-codebook-edit = Codebuch…
action-coding-apply-key = Diesen Code der Auswahl zuweisen (oder die ausgewählte Codierung umcodieren)
action-coding-start-left = Anfang der Codierung nach links
action-coding-start-right = Anfang der Codierung nach rechts
action-coding-end-left = Ende der Codierung nach links
action-coding-end-right = Ende der Codierung nach rechts
action-document-next = Nächstes Dokument
action-document-prev = Vorheriges Dokument
action-coding-next = Nächste Codierung
action-coding-prev = Vorherige Codierung
action-view-font-bigger = Größere Schrift
action-view-font-smaller = Kleinere Schrift
action-search-open = Korpus durchsuchen…
action-segments-open = Codierte Segmente…
action-palette-open = Befehlspalette…
action-selection-char-right = Auswahl um ein Zeichen erweitern (vorwärts)
action-selection-char-left = Auswahl um ein Zeichen erweitern (zurück)
action-selection-word-right = Auswahl um ein Wort erweitern (vorwärts)
action-selection-word-left = Auswahl um ein Wort erweitern (zurück)
action-selection-sentence-end = Auswahl bis zum Satzende erweitern
action-selection-sentence-start = Auswahl bis zum Satzanfang erweitern
action-selection-clear = Menü schließen, Auswahl aufheben, Codierung abwählen
action-view-zoom-in = Vergrößern
action-view-zoom-out = Verkleinern
action-view-zoom-reset = Originalgröße
action-view-theme-system = Farbschema: wie das System
action-view-theme-light = Farbschema: hell
action-view-theme-dark = Farbschema: dunkel
action-view-language-system = Sprache: wie das System
action-view-language-german = Sprache: Deutsch
action-view-language-english = Sprache: English
action-review-toggle = Codierer:innen vergleichen…
action-review-next = Nächster Unterschied
action-review-prev = Vorheriger Unterschied
action-help-keys = Tastenkürzel
action-help-about = Über Spanwise

## Tastenkürzel (F1)
keysheet-column-keys = Tasten
keysheet-column-action = Aktion
keysheet-code-keys = 1, 2, 3 … (die Taste des Codes)
keysheet-or = oder
keysheet-review-mode = { $label } (Vergleichsmodus)
keysheet-in-article = { $label } (im Artikel)

## Fenstertitel
window-coder-prompt = Wer codiert?
window-problems = Probleme beim Lesen des Projekts
window-export = Codierungen exportieren
window-codebook = Codebuch
window-attention = Codierungen, die geprüft werden müssen
window-decode-question = Nicht UTF-8
window-segments = Codierte Segmente
window-palette = Befehlspalette
window-key-sheet = Tastenkürzel
window-about = Über Spanwise

## Meldungen der Statusleiste
status-opened = { $path } geöffnet
status-texts-changed = { $texts ->
        [one] 1 Text
       *[other] { $texts } Texte
    } seit der letzten Sitzung geändert: { $moved ->
        [one] 1 Codierung
       *[other] { $moved } Codierungen
    } mit dem Text verschoben, { $attention ->
        [one] 1 muss
       *[other] { $attention } müssen
    } geprüft werden
status-memos-adopted = { $memos ->
        [one] 1 Dokument-Memo
       *[other] { $memos } Dokument-Memos
    } aus project.ron in { $file } übernommen (wird beim nächsten Speichern geschrieben; project.ron bleibt, wie es ist)
status-saved = Gespeichert: { $files }
status-not-changed = Nicht geändert: { $reason }
status-not-coded = Nicht codiert: { $error }
status-no-project-made = Kein Projekt angelegt: { $error }
status-select-text-first = Wählen Sie zuerst Text aus
status-press-code-key = Drücken Sie die Taste eines Codes oder klicken Sie auf seine Schaltfläche
status-nothing-to-undo = Nichts rückgängig zu machen
status-nothing-to-redo = Nichts zu wiederholen
coding-blocked-no-coder = geben Sie zuerst Ihren Namen als Codierer:in ein
save-stopped = das Speichern im Hintergrund brach unerwartet ab

## Der Artikel und das leere Fenster
article-no-documents = Dieses Projekt hat noch keine Dokumente.
article-text-missing = Der Text von „{ $title }“ ({ $path }) fehlt oder ist nicht lesbar; seine Codierungen bleiben erhalten.
no-project-heading = Kein Projekt geöffnet
no-project-hint = Wählen Sie Datei → Projekt öffnen… oder starten Sie Spanwise mit einem Projektordner: spanwise ORDNER

## Beenden
quit-some-unsaved = einige Änderungen konnten nicht gespeichert werden
quit-title = Nicht gespeichert
quit-heading = Ihre letzten Änderungen konnten nicht gespeichert werden.
quit-try-again = Erneut versuchen
quit-keep-open = Fenster offen lassen
quit-without-saving = Ohne Speichern beenden

## Hilfe → Über Spanwise
about-version = Spanwise { $version }
about-what = Nachrichtentexte codieren für die Medienforschung: Text auswählen, codieren, Codierer:innen vergleichen.
about-where = Ihre Codierungen werden in coding/<Ihr Name>.ron neben dem Korpus gespeichert.

## Befehlspalette
palette-apply-code = Code zuweisen: { $code }
palette-go-to-document = Zum Dokument: { $title }
palette-hint = Befehl, Code oder Dokumenttitel eingeben
palette-command = Befehl
palette-nothing = Keine Treffer

## Codebogen (Dokumentvariablen)
codesheet-heading = Codebogen
codesheet-no-variables = Noch keine Dokumentvariablen.
codesheet-no-value = `{ $typed }` ist kein Wert von { $variable }
codesheet-not-a-number = `{ $typed }` ist keine Zahl
codesheet-not-whole = `{ $typed }` ist keine ganze Zahl
codesheet-write-pair = `{ $typed }`: schreiben Sie Code=Bezeichnung
codesheet-id-needed = eine Variable braucht eine ID ohne Leerzeichen
codesheet-new-variable = Neue Variable…
codesheet-field-id = Variablen-ID
codesheet-field-label = Variablenbezeichnung
codesheet-field-values = Werte
codesheet-values-hint = Werte: 1=negativ; 2=neutral, oder 0..10 step 1
codesheet-add = Variable hinzufügen

## File questions (dialogs.rs, path_prompt.rs)
window-path-prompt = Pfad wählen
menu-file-dialogs = Dateidialoge
dialogs-system = Der Dateidialog des Systems
dialogs-path-field = Ein Pfadfeld im Fenster
dialog-open-project = Einen Spanwise-Projektordner öffnen
dialog-new-project-source = Einen Ordner mit .txt-Dateien wählen
dialog-new-project-dest = Einen leeren Ordner für das neue Projekt wählen
dialog-export = Codierungen exportieren
dialog-import-qdpx = Ein REFI-QDA-Projekt importieren
dialog-import-dest = Einen leeren Ordner für das importierte Projekt wählen
dialog-add-documents = Textdateien zum Korpus hinzufügen
dialog-segments-csv = Codierte Segmente exportieren
dialog-nothing-chosen = Nichts gewählt.
dialog-did-not-open = Der Dateidialog des Systems hat sich nicht geöffnet: Geben Sie den Pfad hier ein.
prompt-no-dialog = Geben Sie den Pfad ein (dieses System hat keinen Dateidialog; Ansicht → Dateidialoge legt fest, wie Spanwise fragt).
prompt-files = Dateien (ein Pfad pro Zeile):
prompt-folder = Ordner:
prompt-file = Datei:
prompt-replace = Ersetzen
prompt-save = Speichern
prompt-choose = Wählen
prompt-open = Öffnen
prompt-cancel = Abbrechen
prompt-type-first = Geben Sie zuerst einen Pfad ein.
prompt-one-only = Nur ein Pfad.
prompt-not-usable = Nicht verwendbar: { $problem } unter { $path }
problem-no-folder = es gibt keinen Ordner
problem-file-not-folder = es gibt eine Datei, keinen Ordner,
problem-no-parent = der übergeordnete Ordner existiert nicht
problem-no-file = es gibt keine Datei
problem-folder-not-file = es gibt einen Ordner, keinen Dateinamen,
problem-no-folder-for-file = der Ordner existiert nicht

## Search panel (search.rs)
search-heading = Suche
search-close = Suche schließen
search-for = Im Korpus suchen nach:
search-hint = Wort oder Wortgruppe
search-ignore-case = Groß-/Kleinschreibung ignorieren
search-fold = ue = ü, ss = ß
search-fold-hint = Ueberwachung findet Überwachung, Strasse findet Straße
search-no-hits = Keine Treffer
search-count = { $hits ->
        [one] 1 Treffer
       *[other] { $hits } Treffer
    } · { $documents ->
        [one] 1 Dokument
       *[other] { $documents } Dokumente
    }
search-tick-all = Alle angezeigten ankreuzen
search-untick-all = Keine ankreuzen
search-ticked = { $n } angekreuzt
search-code-as = Codieren als
search-choose = (wählen)
search-code-ticked = { $n ->
        [one] 1 angekreuzten Treffer
       *[other] { $n } angekreuzte Treffer
    } codieren…
search-code-ticked-hint = Sagt, wie viele Codierungen entstehen, und fragt vorher
search-all-coded = Jeder angekreuzte Treffer ist schon als { $code } codiert.
search-not-coded = Nicht codiert: { $reason }
search-confirm = Das ergibt { $n ->
        [one] 1 Codierung
       *[other] { $n } Codierungen
    } als { $code } in einem Schritt (Strg+Z macht ihn rückgängig).
search-left-out = { $n ->
        [one] 1 angekreuzter Treffer ist
       *[other] { $n } angekreuzte Treffer sind
    } schon als { $code } codiert: ausgelassen.
search-make = { $n ->
        [one] 1 Codierung
       *[other] { $n } Codierungen
    } anlegen
search-cancel = Abbrechen
search-coded = { $n ->
        [one] 1 Treffer
       *[other] { $n } Treffer
    } als { $code } codiert (ein Schritt: Strg+Z macht alles rückgängig)
search-tick-hit = Treffer { $n } zum Codieren ankreuzen
search-not-listed = { $n ->
        [one] 1 Treffer
       *[other] { $n } Treffer
    } noch nicht angezeigt
search-show-more = { $n } weitere zeigen
dialog-report-html = Reliabilitätsbericht speichern
window-reliability = Reliabilität
action-review-reliability = Reliabilität (Variablen, Codes je Dokument)…
action-review-save-report = Reliabilitätsbericht speichern (HTML)…
action-view-code-tree = Codebaum zeigen
action-view-stripes = Codierstreifen zeigen
