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

## Status bar, code toolbar, problems window, coder prompt (panels.rs)
toolbar-code-as = Auswahl codieren als:
status-coder = Codierer:in: { $name }
status-coder-not-set = Codierer:in: (nicht angegeben)
status-state-saved = gespeichert
status-state-saving = wird gespeichert…
status-state-unsaved = ungespeicherte Änderungen
status-state-failed = Speichern fehlgeschlagen: { $error }
status-read-only = schreibgeschützt: { $reason }
status-problems = { $n ->
        [one] 1 Problem
       *[other] { $n } Probleme
    } beim Lesen des Projekts: anzeigen
status-selection = Auswahl { $start }–{ $end } ({ $chars ->
        [one] 1 Zeichen
       *[other] { $chars } Zeichen
    })
problems-not-loaded = Diese Dateien wurden nicht geladen. Sie bleiben auf der Festplatte unverändert und werden nicht überschrieben.
coder-prompt-explain = Ihr Name wird mit jeder Codierung gespeichert, die Sie anlegen, in coding/<name>.ron.
coder-prompt-name = Name der Codierer:in:
coder-prompt-start = Mit dem Codieren beginnen

## Document list (documents.rs)
documents-project-memo = Projekt-Memo
documents-project-memo-where = Gespeichert in der gemeinsamen project.ron, nicht in Ihrer Codierer-Datei
documents-project-memo-field = Memo zum Projekt
documents-progress = { $count ->
        [one] 1 Dokument
       *[other] { $count } Dokumente
    }: { $done } fertig, { $started } in Arbeit
documents-text-missing = Text fehlt
documents-codings = { $n ->
        [one] 1 Codierung
       *[other] { $n } Codierungen
    }
documents-progress-label = Fortschritt:
documents-memo = Dokument-Memo
documents-memo-one = Dokument-Memo · geschrieben
documents-memo-field = Memo zu diesem Dokument
progress-not-started = nicht begonnen
progress-in-progress = in Arbeit
progress-done = fertig

## Codings panel (codings.rs)
codings-heading = Codierungen
codings-in-document = { $n } in diesem Dokument
codings-selected = Ausgewählte Codierung { $id }
codings-span = Zeichen { $start }–{ $end } ({ $length } lang)
codings-code = Code:
codings-memo = Memo
codings-delete = Codierung löschen
codings-delete-hint = Entf-Taste
codings-start = Anfang
codings-end = Ende
codings-earlier = frühere Werte:
codings-set-field = { $field } auf { $value } setzen
codings-none = (keiner)

## Code tree and the toolbar above the article (code_tree.rs, app/codes.rs)
code-tree-explained = { $name }: Ihre { $mine_here } in diesem Artikel, { $mine_corpus } im Korpus; alle Codierer:innen { $all_here } in diesem Artikel, { $all_corpus } im Korpus
code-tree-heading = Codes
code-tree-columns = dieser Artikel · Korpus
code-tree-columns-hint = Ihre Codierungen jedes Codes in diesem Artikel und im ganzen Korpus; in Klammern die aller Codierer:innen zusammen, wenn auch andere codiert haben
code-tree-filter-hint = Der Reader zeigt nur { $code } und seine Untercodes
code-tree-show-all = Alle Codes zeigen
code-tree-no-codes = Noch keine Codes: Bearbeiten → Codebuch…
code-tree-row-hint = Klick: nur diesen Code und seine Untercodes zeigen. Doppelklick oder eine Auswahl hierher ziehen: die Auswahl codieren. Rechtsklick: seine codierten Segmente.
code-tree-segments = Codierte Segmente dieses Codes…
code-tree-collapse = { $code } einklappen
code-tree-expand = { $code } ausklappen
toolbar-code-as-hint = Drücken Sie die Taste eines Codes, doppelklicken Sie den Code im Codebaum oder ziehen Sie die Auswahl darauf
toolbar-only = nur { $code }
toolbar-all-codes = alle Codes
toolbar-all-codes-hint = Wieder alle Codes zeigen
toolbar-no-codings = keine Codierungen in diesem Artikel
toolbar-code-count = { $n ->
        [one] 1 Ihrer Codierungen
       *[other] { $n } Ihrer Codierungen
    } von { $code } in diesem Artikel

## Codebook window (codebook_editor.rs)
codebook-shared = Änderungen hier werden in der gemeinsamen project.ron gespeichert, der Datei des ganzen Teams (nicht in Ihrer Codierer-Datei): Stimmen Sie sie mit Ihrer Projektleitung ab.
codebook-choose = Wählen Sie links einen Code oder eine Variable, um sie zu bearbeiten.
codebook-new-code = Neuer Code:
codebook-add-code = Code hinzufügen
codebook-code-id = ID: { $id }
codebook-name = Name
codebook-key = Tastenkürzel (ein Zeichen)
codebook-definition = Definition
codebook-move-up = Nach oben
codebook-move-down = Nach unten
codebook-key-not-changed = Taste nicht geändert: { $reason }
codebook-colour = Farbe:
codebook-use-colour = { $hex } verwenden
codebook-colour-name = Farbe { $hex }
codebook-parent = Untercode von:
codebook-top-level = (oberste Ebene)
codebook-fields = Felder an Codierungen
codebook-free-text = Freitext
codebook-remove-field = Feld { $field } entfernen
codebook-remove = entfernen
codebook-field = Feld
codebook-choices = Auswahlwerte
codebook-choices-hint = durch Kommas getrennt; leer: Freitext
codebook-add-field = Feld hinzufügen
codebook-not-deleted = Nicht gelöscht: { $error }
codebook-delete-code = Code löschen…
codebook-merge-into = Zusammenführen mit…
codebook-merge-hint = Jede Codierung dieses Codes auf einen anderen Code umcodieren, dann diesen löschen
codebook-used = { $n ->
        [one] 1 Ihrer Codierungen verwendet
       *[other] { $n } Ihrer Codierungen verwenden
    } diesen Code.
codebook-recode-to = Umcodieren auf:
codebook-choose-code = (auswählen)
codebook-recode-delete = Umcodieren und löschen
codebook-delete-with-codings = Den Code und { $n ->
        [one] seine 1 Codierung
       *[other] seine { $n } Codierungen
    } löschen

## Document variables in the codebook window (codebook_variables.rs)
scale-nominal = Nominalskala
scale-ordinal = Ordinalskala
scale-interval = Intervallskala
scale-ratio = Verhältnisskala
variables-heading = Dokumentvariablen
variables-none = Noch keine: Legen Sie eine auf dem Codebogen an.
variables-id = Variablen-ID: { $id }
variables-name = Name der Variable
variables-name-needed = Nicht geändert: Eine Variable braucht einen Namen
variables-instruction = Anweisung
variables-values = Werte (1=negativ; 2=neutral, oder 0..10 step 1)
variables-scale = Skala:
variables-remove = Variable entfernen…
variables-remove-mine = Die Variable und { $n ->
        [one] Ihren 1 Wert
       *[other] Ihre { $n } Werte
    } entfernen
variables-not-removed = Nicht entfernt: { $error }
variables-unused = Keine Codierer:in hat einen Wert dieser Variable gesetzt.
variables-by = { $n } von { $coder }
variables-usage = Codierer:innen haben { $n ->
        [one] 1 Wert
       *[other] { $n } Werte
    } dieser Variable gesetzt ({ $who }).

## Export window, import and added documents (exchange.rs)
exchange-exported = { $n ->
        [one] 1 Codierung
       *[other] { $n } Codierungen
    } ({ $format }) nach { $path } exportiert
exchange-export-failed = Export fehlgeschlagen: { $error }
exchange-imported = Importiert: { $documents ->
        [one] 1 Dokument
       *[other] { $documents } Dokumente
    }, { $codes ->
        [one] 1 Code
       *[other] { $codes } Codes
    }, { $codings ->
        [one] 1 Codierung
       *[other] { $codings } Codierungen
    } von { $coders ->
        [one] 1 Codierer:in
       *[other] { $coders } Codierer:innen
    }
exchange-positions-read-as = ; Positionen gelesen als { $reading }
exchange-unplaced = nicht genau platziert (nicht importiert)
exchange-without-text = ohne Klartext
exchange-who-coded = wer codiert hat
exchange-not-carried = nicht übernommen
exchange-import-failed = Import fehlgeschlagen: { $error }
exchange-format = Format
exchange-coders = Codierer:innen
exchange-no-coders = Noch keine Codierer:in hat Codierungen gespeichert.
exchange-export-button = Exportieren…
export-format-csv = CSV: eine Zeile pro Codierung (R, pandas, SPSS, Excel)
export-format-jsonl = JSON Lines: ein Objekt pro Codierung
export-format-matrix = Matrix-CSV: Dokument × Codierer:in, Anzahl je Code
export-format-w3c = W3C Web Annotation (JSON-LD)
export-format-qdpx = REFI-QDA .qdpx (MAXQDA, ATLAS.ti, NVivo, QualCoder)
export-format-variables-csv = Codebogen-CSV: Dokument × Codierer:in, eine Spalte pro Variable
export-format-variables-jsonl = Codebogen-JSON-Lines: ein Objekt pro Dokument × Codierer:in
export-format-variables-sps = SPSS-Syntax: Labels der Variablenspalten der Matrix
exchange-added = { $n ->
        [one] 1 Dokument
       *[other] { $n } Dokumente
    } zum Korpus hinzugefügt
exchange-none-added = Keine Dokumente hinzugefügt: { $error }
exchange-windows-1252-hint = Alte Dateien aus Windows-Programmen sind oft Windows-1252 (westeuropäisch).
exchange-decode-1252 = Als Windows-1252 lesen

## Review panel (review_panel.rs, review.rs)
difference-agreement = gleicher Code und gleiche Spanne
difference-same-code-overlap = gleicher Code, überlappende Spanne
difference-code-conflict = anderer Code auf überlappendem Text
difference-only-one = nur von einer Codierer:in codiert
review-heading = Abgleich
review-back = Zurück zum Codieren
review-back-hint = Abgleichsmodus verlassen
review-compare-coders = Codierer:innen vergleichen:
review-no-coders = Dieses Projekt hat noch keine Codierer-Dateien.
review-adjudicated = { $name } (abgestimmt)
review-compare-hint = Die Codierungen dieser Codierer:in vergleichen
review-all-codes = alle Codes
review-code = Code
review-all-documents = alle Dokumente
review-document = Dokument
review-show-agreements = auch Übereinstimmungen zeigen
review-show-agreements-hint = Auch Stellen auflisten, an denen alle Codierer:innen denselben Code und dieselbe Spanne haben
review-accept-agreements = Alle Übereinstimmungen übernehmen ({ $n })
review-accept-agreements-hint = Jede Übereinstimmung (gleicher Code und gleiche Spanne bei allen verglichenen Codierer:innen) in coding/consensus.ron kopieren; die Code- und Dokumentfilter gelten
review-select-difference = Wählen Sie einen Unterschied (F8 / Umschalt+F8), um ihn zu entscheiden.
review-decided-again = entschieden (eine neue Entscheidung ersetzt sie)
review-no-coding-here = { $coder }: hier keine Codierung
review-accept = { $coder } übernehmen
review-accept-hint = Die Fassung von { $coder } in den Konsens übernehmen
review-accept-disabled = { $coder } hat hier keine Codierung
review-both = Beide
review-both-hint = Die Codierungen aller Codierer:innen hier behalten
review-neither = Keine
review-neither-hint = Keine dieser Codierungen behalten (vermerkt in coding/consensus.ron)
review-edit = Bearbeiten…
review-edit-hint = Den Code wählen und den Text selbst markieren
review-edited-code = Bearbeiteter Code
review-edit-span = Text { $start }–{ $end } ({ $chars ->
        [one] 1 Zeichen
       *[other] { $chars } Zeichen
    }): Markieren Sie anderen Text im Artikel, um ihn zu ändern.
review-accept-edited = Bearbeitete Fassung übernehmen
review-accept-edited-hint = Diesen Code auf diesem Text in den Konsens schreiben
review-listed = { $n } aufgelistet, { $undecided ->
        [one] 1 offene Abweichung
       *[other] { $undecided } offene Abweichungen
    }
review-left-out-hint = Dieselben Dokumente wie bei den Übereinstimmungswerten; kreuzen Sie unten „unfertige einbeziehen“ an, um auch sie aufzulisten
review-left-out = Unterschiede aus { $used } von { $total ->
        [one] 1 Dokument
       *[other] { $total } Dokumenten
    }; ausgelassen: { $list }
review-decided = entschieden
review-choose-two = Wählen Sie zwei oder mehr Codierer:innen zum Vergleich.
review-mode-on = Abgleichsmodus: Codierer:innen vergleichen, in coding/consensus.ron entscheiden
review-not-active = Unterschiede werden im Abgleichsmodus aufgelistet (Ansicht → Codierer:innen vergleichen…)
review-no-differences = Keine Unterschiede zu zeigen
review-select-first = Wählen Sie zuerst einen Unterschied
review-not-decided = Nicht entschieden: { $reason }
review-decided-as = Entschieden: { $what }
review-no-agreements = Keine Übereinstimmungen zu übernehmen
review-accepted-agreements = { $n ->
        [one] 1 Übereinstimmung
       *[other] { $n } Übereinstimmungen
    } übernommen
review-all-decided = Jede aufgelistete Abweichung ist entschieden
review-consensus-unreadable = { $path } konnte nicht gelesen werden: Beheben Sie das vor dem Abgleich
review-accepted-coder = Fassung von { $coder } übernommen
review-kept-both = beide behalten
review-kept-edited = eine bearbeitete Fassung behalten
review-kept-neither = keine behalten

## Compare view (compare_view.rs)
compare-text-missing = Der Text von „{ $title }“ fehlt oder ist nicht lesbar.
compare-underlines = Unterstreichungen, oberes Band zuerst:
compare-outlines = Umrisse:

## Coded segments window (segments/)
segments-article = Artikel
segments-code = Code
segments-coder = Codierer:in
segments-coded-text = Codierter Text
segments-memo-fields = Memo und Felder
segments-date = Datum
segments-length = Länge
segments-codes = Codes
segments-coders = Codierer:innen
segments-all-articles = alle Artikel
segments-any-field = beliebiges Feld
segments-field = Feld
segments-value-contains = Wert enthält
segments-any-value = beliebiger Wert
segments-clear-field = Feldfilter löschen
segments-sort-by = Sortieren nach
segments-descending = absteigend
segments-count = { $n ->
        [one] 1 Segment
       *[other] { $n } Segmente
    }
segments-export-csv = Als CSV exportieren…
segments-export-csv-hint = Die aufgelisteten Zeilen (alle Seiten) in eine CSV-Datei schreiben
segments-copy-rows = Zeilen kopieren
segments-copy-rows-hint = Die aufgelisteten Zeilen (alle Seiten) als tabulatorgetrennten Text kopieren, für eine Tabellenkalkulation
segments-copied = { $n ->
        [one] 1 Zeile kopiert
       *[other] { $n } Zeilen kopiert
    }
segments-none = Keine codierten Segmente passen: Wählen Sie mehr Codes, Codierer:innen, einen anderen Artikel oder Feldwert.
segments-open = Den Artikel an dieser Codierung öffnen
segments-previous-rows = Vorherige Zeilen
segments-rows = Zeilen { $first }–{ $end } von { $n }
segments-next-rows = Nächste Zeilen
segments-wrote = { $n ->
        [one] 1 codiertes Segment
       *[other] { $n } codierte Segmente
    } nach { $path } geschrieben
segments-not-written = CSV nicht geschrieben: { $error }

## Codings that need attention (attention.rs)
attention-explain = Diese Texte wurden außerhalb von Spanwise geändert, und diese Codierungen ließen sich nicht sicher platzieren. Sie bleiben erhalten; platzieren oder löschen Sie jede einzeln.
attention-show = Zeigen
attention-place-suggestion = Am Vorschlag platzieren
attention-select-first = Markieren Sie zuerst die Stelle im Artikel
attention-place-selection = An der Auswahl platzieren
attention-delete = Diese Codierung löschen

## Reliability window (reliability_window.rs)
reliability-choose-two = Wählen Sie im Abgleichsbereich zwei oder mehr Codierer:innen zum Vergleich.
reliability-save = Bericht speichern…
reliability-save-hint = Den Reliabilitätsbericht als eine HTML-Datei schreiben: Tabellen, Diagramm und ein fertiger Methodenabsatz (wie spanwise agreement DIR --report FILE)
reliability-bootstrap = Bootstrap: { $replicates } Wiederholungen, Seed { $seed }
reliability-coders = Codierer:innen: { $coders }
reliability-variables = Artikelvariablen
reliability-no-variables = Der Codebogen hat keine Dokumentvariablen.
reliability-variable-title = { $label } ({ $variable }, Skalenniveau { $level })
reliability-codes = Codes je Dokument vorhanden oder nicht
reliability-codes-unit = Einheit = Dokument, das alle verglichenen Codierer:innen abgeschlossen haben ({ $n ->
        [one] 1 Dokument
       *[other] { $n } Dokumente
    }); 1, wo die Codierer:in den Code verwendet hat, sonst 0.
reliability-coefficient = Koeffizient
reliability-value = Wert
reliability-ci = 95-%-KI
reliability-units = Einheiten
reliability-written = Reliabilitätsbericht nach { $path } geschrieben
reliability-not-written = Kein Bericht geschrieben: { $error }

## Agreement panel, charts and the unitizing family (agreement_view.rs, agreement_charts.rs, agreement_family.rs)
agreement-stopped = die Berechnung wurde abgebrochen
agreement-heading = Übereinstimmung
agreement-table = Tabelle
agreement-charts = Diagramme
agreement-per-code = je Code
agreement-per-document = je Dokument
agreement-include-unfinished = unfertige einbeziehen
agreement-computing = wird berechnet…
agreement-interval = 95-%-Intervall
agreement-interval-about = Bootstrap-Intervall von alpha_U (Dokumente neu gezogen); „…“, solange es im Hintergrund berechnet wird, „–“, wo es keines gibt.
agreement-interval-hint = 95-%-Bootstrap-Perzentilintervall, Dokumente neu gezogen ({ $replicates } Wiederholungen, Seed { $seed }); q(α < .667) = { $q667 }, q(α < .800) = { $q800 }
agreement-interval-none = Kein Intervall: noch nicht berechnet, nur ein Dokument oder eine nie definierte Kennzahl.
agreement-overlap-rule = Überlappungsregel: { $rule }
agreement-documents-combined = Dokumente: { $how }
agreement-code = Code
agreement-document = Dokument
agreement-all-codes = alle Codes
agreement-whole-corpus = ganzes Korpus
agreement-per-coder = Codierungen je Codierer:in: { $coders }
agreement-codings = Codierungen
agreement-units = { $n ->
        [one] 1 Einheit
       *[other] { $n } Einheiten
    }
agreement-caution = Vorsicht: { $reasons }.
agreement-documents = Dokumente: { $used } von { $total } verwendet, { $left_out } ausgelassen
agreement-used = Verwendet: { $list }
agreement-left-out-hover = Ausgelassen: { $title } ({ $reason })
agreement-left-out = ausgelassen: { $title } ({ $reason })
agreement-more-left-out = und { $n } weitere ausgelassen (siehe den Tooltip oben)
charts-alpha-per-code = alpha_U je Code
charts-alpha-undefined = alpha_U nicht definiert (kein Balken): { $codes }
charts-codings-per-code = Codierungen je Code und Codierer:in
family-heading = Unitizing-Familie (Krippendorff et al. 2016)
family-hint = u-alpha: Segmentieren und Codieren zusammen; |u-alpha: codiert gegen nicht codierten Text; cu-alpha: die Codes, wo sich die Einheiten der Codierer:innen treffen; (k)u-alpha: der Anteil eines Codes an cu-alpha. In einer Code-Zeile ist |u-alpha dieser Code allein.
family-code-sets = Code-Mengen: { $rule }

## Coding stripes beside the article (reader/stripes.rs)
stripe-label-name = Codierstreifen-Beschriftung: { $code }
stripe-bracket-name = Codierstreifen-Klammer: { $code }
stripe-hint = { $code } — klicken, um diese Codierung auszuwählen

## Messages of the memo fields and the attention window's actions (memo.rs, app/coding.rs)
memo-not-stored = Nicht gespeichert: { $error }
attention-not-placed = Nicht platziert: { $error }

## Why a document was left out of the figures and the review list (agreement_view.rs)
left-out-unfinished = nicht fertig bei { $list }
left-out-no-text = sein Text fehlt

exchange-export-cancelled = Export abgebrochen: keine Datei geschrieben
exchange-import-cancelled = Import abgebrochen: das offene Projekt ist unverändert
job-export = Exportiere { $format }
job-import = Importiere .qdpx
job-search = Durchsuche das Korpus
job-running = { $job }: { $mb } MB
job-cancelling = { $job }: wird abgebrochen…
job-cancel = Abbrechen
job-cancel-hint = Diese Arbeit abbrechen; nichts davon bleibt
job-stopped = { $job } wurde unerwartet beendet
search-running = Suche läuft…
job-review = Vergleiche die Codierenden

## Cautions on figures, in the window's language (agreement_view.rs)
caution-every-figure = jede Kennzahl
caution-no-units = { $figure } ist nicht definiert: Niemand hat hier etwas codiert, es gibt nichts, worin man übereinstimmen könnte
caution-no-variation = { $figure } hat keine Variation, für die korrigiert werden könnte (alpha_U und die u-alpha-Familie: D_E = 0 oder kein Material zum Paaren; kappa: erwartete Übereinstimmung 1): nicht definiert oder per Konvention gesetzt, keine Schätzung
caution-one-document = { $figure } und die u-alpha-Familie haben kein Konfidenzintervall: Der Bootstrap zieht Dokumente neu, und diese Studie hat nur eines
caution-few-units = { $figure } beruht auf { $units } Einheit(en), weniger als { $min }: Eine einzige Abweichung verschiebt den Wert stark; als Hinweis lesen, nicht als Reliabilitätskennzahl
