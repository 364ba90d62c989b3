# Spanwise: the window's English texts. Every message here must also be in de.ftl, with the same
# variables (tests/i18n_ui.rs checks it). Keys: lower case words joined by "-"; an action's key is
# "action-" and its id from src/ui/actions.rs with "." and "_" written as "-".

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
menu-language = Language
language-system = System
language-german = Deutsch
language-english = English

## Actions (menus, command palette, key sheet, README key table)
action-file-open = Open project…
action-file-new = New project from a folder of .txt files…
action-file-import-qdpx = Import .qdpx…
action-file-add-documents = Add documents…
action-file-save = Save
action-file-export = Export…
action-file-quit = Quit
action-edit-undo = Undo
action-edit-redo = Redo
action-coding-delete = Delete selected coding
action-codebook-edit = Codebook…
action-coding-apply-key = Apply that code to the selection (or recode the selected coding)
action-coding-start-left = Move start of coding left
action-coding-start-right = Move start of coding right
action-coding-end-left = Move end of coding left
action-coding-end-right = Move end of coding right
action-document-next = Next document
action-document-prev = Previous document
action-coding-next = Next coding
action-coding-prev = Previous coding
action-view-font-bigger = Larger text
action-view-font-smaller = Smaller text
action-search-open = Search the corpus…
action-segments-open = Coded segments…
action-palette-open = Command palette…
action-selection-char-right = Extend selection by a character (forward)
action-selection-char-left = Extend selection by a character (back)
action-selection-word-right = Extend selection by a word (forward)
action-selection-word-left = Extend selection by a word (back)
action-selection-sentence-end = Extend selection to the sentence end
action-selection-sentence-start = Extend selection to the sentence start
action-selection-clear = Close a menu, clear the selection, deselect the coding
action-view-zoom-in = Zoom in
action-view-zoom-out = Zoom out
action-view-zoom-reset = Actual size
action-view-theme-system = Theme: follow the system
action-view-theme-light = Theme: light
action-view-theme-dark = Theme: dark
action-view-language-system = Language: follow the system
action-view-language-german = Language: Deutsch
action-view-language-english = Language: English
action-review-toggle = Review coders…
action-review-next = Next difference
action-review-prev = Previous difference
action-help-keys = Keyboard shortcuts
action-help-about = About Spanwise

## Key sheet (F1) and the README's key table
keysheet-column-keys = keys
keysheet-column-action = action
keysheet-code-keys = 1, 2, 3 … (the code's key)
keysheet-or = or
keysheet-review-mode = { $label } (review mode)
keysheet-in-article = { $label } (in the article)

## Window titles
window-coder-prompt = Who is coding?
window-problems = Problems reading the project
window-export = Export codings
window-codebook = Codebook
window-attention = Codings that need attention
window-decode-question = Not UTF-8
window-segments = Coded segments
window-palette = Command palette
window-key-sheet = Keyboard shortcuts
window-about = About Spanwise

## Status bar messages
status-opened = Opened { $path }
status-texts-changed = { $texts ->
        [one] 1 text
       *[other] { $texts } texts
    } changed since the last session: { $moved ->
        [one] 1 coding
       *[other] { $moved } codings
    } moved with the text, { $attention ->
        [one] 1 needs
       *[other] { $attention } need
    } attention
status-memos-adopted = { $memos ->
        [one] 1 document memo
       *[other] { $memos } document memos
    } of project.ron taken into { $file } (written with your next save; project.ron is left as it is)
status-saved = Saved { $files }
status-not-changed = Not changed: { $reason }
status-not-coded = Not coded: { $error }
status-no-project-made = No project made: { $error }
status-select-text-first = Select some text first
status-press-code-key = Press a code's key, or click its button
status-nothing-to-undo = Nothing to undo
status-nothing-to-redo = Nothing to redo
coding-blocked-no-coder = enter your coder name first
save-stopped = the background save stopped unexpectedly

## The article and the empty window
article-no-documents = This project has no documents yet.
article-text-missing = The text of “{ $title }” ({ $path }) is missing or unreadable; its codings are kept.
no-project-heading = No project open
no-project-hint = Use File → Open project… or start Spanwise with a project folder: spanwise PATH

## Quitting
quit-some-unsaved = some changes could not be saved
quit-title = Not saved
quit-heading = Your last changes could not be saved.
quit-try-again = Try again
quit-keep-open = Keep the window open
quit-without-saving = Quit without saving

## Help → About
about-version = Spanwise { $version }
about-what = Coding news texts for media research: select text, code it, compare coders.
about-where = Your codings are saved in coding/<your name>.ron beside the corpus.

## Command palette
palette-apply-code = Apply code: { $code }
palette-go-to-document = Go to document: { $title }
palette-hint = Type a command, a code or a document title
palette-command = Command
palette-nothing = Nothing matches

## Codesheet (document variables)
codesheet-heading = Codesheet
codesheet-no-variables = No document variables yet.
codesheet-no-value = `{ $typed }` is no value of { $variable }
codesheet-not-a-number = `{ $typed }` is not a number
codesheet-not-whole = `{ $typed }` is not a whole number
codesheet-write-pair = `{ $typed }`: write code=label
codesheet-id-needed = a variable needs an id without spaces
codesheet-new-variable = New variable…
codesheet-field-id = Variable id
codesheet-field-label = Variable label
codesheet-field-values = Values
codesheet-values-hint = values: 1=negativ; 2=neutral, or 0..10 step 1
codesheet-add = Add variable

## File questions (dialogs.rs, path_prompt.rs)
window-path-prompt = Choose a path
menu-file-dialogs = File dialogs
dialogs-system = The system's file dialog
dialogs-path-field = A path field in the window
dialog-open-project = Open a Spanwise project folder
dialog-new-project-source = Choose a folder of .txt files
dialog-new-project-dest = Choose an empty folder for the new project
dialog-export = Export codings
dialog-import-qdpx = Import a REFI-QDA project
dialog-import-dest = Choose an empty folder for the imported project
dialog-add-documents = Add text files to the corpus
dialog-segments-csv = Export coded segments
dialog-nothing-chosen = Nothing chosen.
dialog-did-not-open = The system's file dialog did not open: type the path here.
prompt-no-dialog = Type the path (this system has no file dialog; View → File dialogs sets how Spanwise asks).
prompt-files = Files (one path a line):
prompt-folder = Folder:
prompt-file = File:
prompt-replace = Replace
prompt-save = Save
prompt-choose = Choose
prompt-open = Open
prompt-cancel = Cancel
prompt-type-first = Type a path first.
prompt-one-only = One path only.
prompt-not-usable = Not usable: { $problem } at { $path }
problem-no-folder = there is no folder
problem-file-not-folder = there is a file, not a folder,
problem-no-parent = the folder above does not exist
problem-no-file = there is no file
problem-folder-not-file = there is a folder, not a file name,
problem-no-folder-for-file = the folder does not exist

## Search panel (search.rs)
search-heading = Search
search-close = Close search
search-for = Search the corpus for:
search-hint = word or phrase
search-ignore-case = ignore case
search-fold = ue = ü, ss = ß
search-fold-hint = Ueberwachung finds Überwachung, Strasse finds Straße
search-no-hits = No hits
search-count = { $hits ->
        [one] 1 hit
       *[other] { $hits } hits
    } · { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }
search-tick-all = Tick all listed
search-untick-all = Untick all
search-ticked = { $n } ticked
search-code-as = Code as
search-choose = (choose)
search-code-ticked = Code { $n ->
        [one] 1 ticked hit
       *[other] { $n } ticked hits
    }…
search-code-ticked-hint = Says how many codings it makes, and asks first
search-all-coded = Every ticked hit is coded as { $code } already.
search-not-coded = Not coded: { $reason }
search-confirm = This makes { $n ->
        [one] 1 coding
       *[other] { $n } codings
    } of { $code } as one step (Ctrl+Z undoes it).
search-left-out = { $n ->
        [one] 1 ticked hit is
       *[other] { $n } ticked hits are
    } coded as { $code } already: left out.
search-make = Make { $n ->
        [one] 1 coding
       *[other] { $n } codings
    }
search-cancel = Cancel
search-coded = Coded { $n ->
        [one] 1 hit
       *[other] { $n } hits
    } as { $code } (one step: Ctrl+Z undoes all)
search-tick-hit = Tick hit { $n } for coding
search-not-listed = { $n ->
        [one] 1 hit
       *[other] { $n } hits
    } not listed yet
search-show-more = Show { $n } more
dialog-report-html = Save the reliability report
window-reliability = Reliability
action-review-reliability = Reliability (variables, codes per document)…
action-review-save-report = Save reliability report (HTML)…
action-view-code-tree = Show code tree
action-view-stripes = Show coding stripes

## Status bar, code toolbar, problems window, coder prompt (panels.rs)
toolbar-code-as = Code selection as:
status-coder = Coder: { $name }
status-coder-not-set = Coder: (not set)
status-state-saved = saved
status-state-saving = saving…
status-state-unsaved = unsaved changes
status-state-failed = saving failed: { $error }
status-read-only = read-only: { $reason }
status-problems = { $n } problem(s) reading the project: show
status-selection = selection { $start }–{ $end } ({ $chars } chars)
problems-not-loaded = These files were not loaded. They are left untouched on disk and will not be overwritten.
coder-prompt-explain = Your name is stored with every coding you make, in coding/<name>.ron.
coder-prompt-name = Coder name:
coder-prompt-start = Start coding

## Document list (documents.rs)
documents-project-memo = Project memo
documents-project-memo-where = Stored in the shared project.ron, not in your coder file
documents-project-memo-field = Memo on the project
documents-progress = { $count ->
        [one] 1 document
       *[other] { $count } documents
    }: { $done } done, { $started } in progress
documents-text-missing = text missing
documents-codings = { $n ->
        [one] 1 coding
       *[other] { $n } codings
    }
documents-progress-label = Progress:
documents-memo = Document memo
documents-memo-one = Document memo · written
documents-memo-field = Memo on this document
progress-not-started = not started
progress-in-progress = in progress
progress-done = done

## Codings panel (codings.rs)
codings-heading = Codings
codings-in-document = { $n } in this document
codings-selected = Selected coding { $id }
codings-span = chars { $start }–{ $end } ({ $length } long)
codings-code = Code:
codings-memo = Memo
codings-delete = Delete coding
codings-delete-hint = Delete key
codings-start = Start
codings-end = End
codings-earlier = earlier:
codings-set-field = Set { $field } to { $value }
codings-none = (none)

## Code tree and the toolbar above the article (code_tree.rs, app/codes.rs)
code-tree-explained = { $name }: yours { $mine_here } in this article, { $mine_corpus } in the corpus; all coders { $all_here } in this article, { $all_corpus } in the corpus
code-tree-heading = Codes
code-tree-columns = this article · corpus
code-tree-columns-hint = Your codings of each code in this article and in the whole corpus; in brackets, every coder's together when others have coded too
code-tree-filter-hint = The reader shows only { $code } and its sub-codes
code-tree-show-all = Show all codes
code-tree-no-codes = No codes yet: Edit → Codebook…
code-tree-row-hint = Click: show only this code and its sub-codes. Double-click, or drop a selection here: code the selection. Right-click: its coded segments.
code-tree-segments = Coded segments of this code…
code-tree-collapse = Collapse { $code }
code-tree-expand = Expand { $code }
toolbar-code-as-hint = Press a code's key, double-click the code in the code tree, or drag the selection onto it
toolbar-only = only { $code }
toolbar-all-codes = all codes
toolbar-all-codes-hint = Show every code again
toolbar-no-codings = no codings in this article
toolbar-code-count = { $n ->
        [one] 1 of your codings
       *[other] { $n } of your codings
    } of { $code } in this article

## Codebook window (codebook_editor.rs)
codebook-shared = Changes here are saved to the shared project.ron, the whole team's file (not your coder file): agree them with your project lead.
codebook-choose = Choose a code or a variable on the left to edit it.
codebook-new-code = New code:
codebook-add-code = Add code
codebook-code-id = id: { $id }
codebook-name = Name
codebook-key = Shortcut key (one character)
codebook-definition = Definition
codebook-move-up = Move up
codebook-move-down = Move down
codebook-key-not-changed = Key not changed: { $reason }
codebook-colour = Colour:
codebook-use-colour = Use { $hex }
codebook-colour-name = Colour { $hex }
codebook-parent = Sub-code of:
codebook-top-level = (top level)
codebook-fields = Fields on codings
codebook-free-text = free text
codebook-remove-field = Remove field { $field }
codebook-remove = remove
codebook-field = Field
codebook-choices = Choices
codebook-choices-hint = comma-separated; empty: free text
codebook-add-field = Add field
codebook-not-deleted = Not deleted: { $error }
codebook-delete-code = Delete code…
codebook-merge-into = Merge into…
codebook-merge-hint = Recode every coding of this code to another code, then delete it
codebook-used = { $n } of your codings use this code.
codebook-recode-to = Recode them to:
codebook-choose-code = (choose)
codebook-recode-delete = Recode and delete
codebook-delete-with-codings = Delete the code and its { $n } codings

## Document variables in the codebook window (codebook_variables.rs)
scale-nominal = nominal
scale-ordinal = ordinal
scale-interval = interval
scale-ratio = ratio
variables-heading = Document variables
variables-none = None yet: add one on the codesheet.
variables-id = variable id: { $id }
variables-name = Variable name
variables-name-needed = Not changed: a variable needs a name
variables-instruction = Instruction
variables-values = Values (1=negativ; 2=neutral, or 0..10 step 1)
variables-scale = Scale:
variables-remove = Remove variable…
variables-remove-mine = Remove the variable and your { $n ->
        [one] 1 value
       *[other] { $n } values
    }
variables-not-removed = Not removed: { $error }
variables-unused = No coder has set a value of this variable.
variables-by = { $n } by { $coder }
variables-usage = Coders have set { $n ->
        [one] 1 value
       *[other] { $n } values
    } of this variable ({ $who }).

## Export window, import and added documents (exchange.rs)
exchange-exported = Exported { $n } codings ({ $format }) to { $path }
exchange-export-failed = Export failed: { $error }
exchange-imported = Imported { $documents } documents, { $codes } codes, { $codings } codings by { $coders } coder(s)
exchange-positions-read-as = ; positions read as { $reading }
exchange-unplaced = not placed exactly (not imported)
exchange-without-text = without plain text
exchange-who-coded = who coded
exchange-not-carried = not carried
exchange-import-failed = Import failed: { $error }
exchange-format = Format
exchange-coders = Coders
exchange-no-coders = No coder has saved codings yet.
exchange-export-button = Export…
export-format-csv = CSV: one row per coding (R, pandas, SPSS, Excel)
export-format-jsonl = JSON Lines: one object per coding
export-format-matrix = Matrix CSV: document × coder counts per code
export-format-w3c = W3C Web Annotation (JSON-LD)
export-format-qdpx = REFI-QDA .qdpx (MAXQDA, ATLAS.ti, NVivo, QualCoder)
export-format-variables-csv = Codesheet CSV: document × coder, one column per variable
export-format-variables-jsonl = Codesheet JSON Lines: one object per document × coder
export-format-variables-sps = SPSS syntax: labels of the matrix's variable columns
exchange-added = Added { $n } document(s) to the corpus
exchange-none-added = No documents added: { $error }
exchange-windows-1252-hint = Old files from Windows programs are often Windows-1252 (Western European).
exchange-decode-1252 = Decode as Windows-1252

## Review panel (review_panel.rs, review.rs)
difference-agreement = same code and span
difference-same-code-overlap = same code, overlapping span
difference-code-conflict = different code on overlapping text
difference-only-one = coded by one coder only
review-heading = Review
review-back = Back to coding
review-back-hint = Leave review mode
review-compare-coders = Compare coders:
review-no-coders = This project has no coder files yet.
review-adjudicated = { $name } (adjudicated)
review-compare-hint = Compare this coder's codings
review-all-codes = all codes
review-code = Code
review-all-documents = all documents
review-document = Document
review-show-agreements = show agreements too
review-show-agreements-hint = List differences where every coder has the same code and span
review-accept-agreements = Accept all agreements ({ $n })
review-accept-agreements-hint = Copy every agreement (same code and span for all compared coders) into coding/consensus.ron; the code and document filters apply
review-select-difference = Select a difference (F8 / Shift+F8) to decide it.
review-decided-again = decided (deciding again replaces it)
review-no-coding-here = { $coder }: no coding here
review-accept = Accept { $coder }
review-accept-hint = Keep { $coder }'s version in the consensus
review-accept-disabled = { $coder } has no coding here
review-both = Both
review-both-hint = Keep every coder's codings here
review-neither = Neither
review-neither-hint = Keep none of these codings (remembered in coding/consensus.ron)
review-edit = Edit…
review-edit-hint = Choose the code and select the text yourself
review-edited-code = Edited code
review-edit-span = Text { $start }–{ $end } ({ $chars } chars): select other text in the article to change it.
review-accept-edited = Accept edited version
review-accept-edited-hint = Write this code on this text into the consensus
review-listed = { $n } listed, { $undecided } undecided disagreements
review-left-out-hint = The same documents as the agreement figures; tick "include unfinished" below to list them too
review-left-out = Differences from { $used } of { $total } documents; left out: { $list }
review-decided = decided
review-choose-two = Choose two or more coders to compare.
review-mode-on = Review mode: compare coders, decide into coding/consensus.ron
review-not-active = Differences are listed in review mode (View → Review coders…)
review-no-differences = No differences to show
review-select-first = Select a difference first
review-not-decided = Not decided: { $reason }
review-decided-as = Decided: { $what }
review-no-agreements = No agreements to accept
review-accepted-agreements = Accepted { $n } agreements
review-all-decided = Every listed disagreement is decided
review-consensus-unreadable = { $path } could not be read: fix it before adjudicating
review-accepted-coder = accepted { $coder }'s version
review-kept-both = kept both
review-kept-edited = kept an edited version
review-kept-neither = kept neither

## Compare view (compare_view.rs)
compare-text-missing = The text of “{ $title }” is missing or unreadable.
compare-underlines = Underlines, top band first:
compare-outlines = Outlines:

## Coded segments window (segments/)
segments-article = Article
segments-code = Code
segments-coder = Coder
segments-coded-text = Coded text
segments-memo-fields = Memo and fields
segments-date = Date
segments-length = Length
segments-codes = Codes
segments-coders = Coders
segments-all-articles = all articles
segments-any-field = any field
segments-field = Field
segments-value-contains = value contains
segments-any-value = any value
segments-clear-field = Clear field filter
segments-sort-by = Sort by
segments-descending = descending
segments-count = { $n } segments
segments-export-csv = Export CSV…
segments-export-csv-hint = Write the rows listed (every page) to a CSV file
segments-copy-rows = Copy rows
segments-copy-rows-hint = Copy the rows listed (every page) as tab-separated text, for a spreadsheet
segments-copied = { $n } rows copied
segments-none = No coded segments match: choose more codes, coders or another article or field value.
segments-open = Open the article at this coding
segments-previous-rows = Previous rows
segments-rows = Rows { $first }–{ $end } of { $n }
segments-next-rows = Next rows
segments-wrote = Wrote { $n } coded segments to { $path }
segments-not-written = CSV not written: { $error }

## Codings that need attention (attention.rs)
attention-explain = These texts changed outside Spanwise and these codings could not be placed with confidence. They are kept; place or delete each.
attention-show = Show
attention-place-suggestion = Place at suggestion
attention-select-first = Select the passage in the article first
attention-place-selection = Place at selection
attention-delete = Delete this coding

## Reliability window (reliability_window.rs)
reliability-choose-two = Choose two or more coders to compare in the review panel.
reliability-save = Save report…
reliability-save-hint = Write the reliability report as one HTML file: tables, chart and a ready methods paragraph (the same as spanwise agreement DIR --report FILE)
reliability-bootstrap = Bootstrap: { $replicates } replicates, seed { $seed }
reliability-coders = Coders: { $coders }
reliability-variables = Article variables
reliability-no-variables = The codesheet has no document variables.
reliability-variable-title = { $label } ({ $variable }, { $level } level)
reliability-codes = Codes present or absent per document
reliability-codes-unit = Unit = document finished by every compared coder ({ $n } documents); 1 where the coder used the code, else 0.
reliability-coefficient = coefficient
reliability-value = value
reliability-ci = 95 % CI
reliability-units = units
reliability-written = Reliability report written to { $path }
reliability-not-written = No report written: { $error }

## Agreement panel, charts and the unitizing family (agreement_view.rs, agreement_charts.rs, agreement_family.rs)
agreement-stopped = the computation stopped
agreement-heading = Agreement
agreement-table = Table
agreement-charts = Charts
agreement-per-code = per code
agreement-per-document = per document
agreement-include-unfinished = include unfinished
agreement-computing = computing…
agreement-interval = 95 % interval
agreement-interval-about = Bootstrap interval of alpha_U (resampling documents); "…" while it is computed on a worker thread, "–" where there is none.
agreement-interval-hint = 95 % bootstrap percentile interval, documents resampled ({ $replicates } replicates, seed { $seed }); q(α < .667) = { $q667 }, q(α < .800) = { $q800 }
agreement-interval-none = No interval: not computed yet, a single document, or a figure that is never defined.
agreement-overlap-rule = Overlap rule: { $rule }
agreement-documents-combined = Documents: { $how }
agreement-code = Code
agreement-document = Document
agreement-all-codes = all codes
agreement-whole-corpus = whole corpus
agreement-per-coder = Codings per coder: { $coders }
agreement-codings = codings
agreement-units = { $n } units
agreement-caution = Caution: { $reasons }.
agreement-documents = Documents: { $used } of { $total } used, { $left_out } left out
agreement-used = Used: { $list }
agreement-left-out-hover = Left out: { $title } ({ $reason })
agreement-left-out = left out: { $title } ({ $reason })
agreement-more-left-out = and { $n } more left out (see the tooltip above)
charts-alpha-per-code = alpha_U per code
charts-alpha-undefined = alpha_U not defined (no bar): { $codes }
charts-codings-per-code = Codings per code and coder
family-heading = Unitizing family (Krippendorff et al. 2016)
family-hint = u-alpha: unitizing and coding together; |u-alpha: coded against uncoded text; cu-alpha: the codes where coders' units meet; (k)u-alpha: one code's part of cu-alpha. On a code row |u-alpha is that code alone.
family-code-sets = Code sets: { $rule }

## Coding stripes beside the article (reader/stripes.rs)
stripe-label-name = Coding stripe label: { $code }
stripe-bracket-name = Coding stripe bracket: { $code }
stripe-hint = { $code } — click to select this coding

## Messages of the memo fields and the attention window's actions (memo.rs, app/coding.rs)
memo-not-stored = Not stored: { $error }
attention-not-placed = Not placed: { $error }

## Why a document was left out of the figures and the review list (agreement_view.rs)
left-out-unfinished = not done by { $list }
left-out-no-text = its text is missing

exchange-export-cancelled = Export cancelled: no file was written
exchange-import-cancelled = Import cancelled: the open project is unchanged
job-export = Exporting { $format }
job-import = Importing .qdpx
job-search = Searching the corpus
job-running = { $job }: { $mb } MB
job-cancelling = { $job }: cancelling…
job-cancel = Cancel
job-cancel-hint = Stop this job; nothing of it is kept
job-stopped = { $job } stopped unexpectedly
search-running = Searching…
job-review = Comparing the coders

## Cautions on figures, in the window's language (agreement_view.rs)
caution-every-figure = every figure
caution-no-units = { $figure } is not defined: nobody coded anything here, so there is nothing to agree on
caution-no-variation = { $figure } has no variation to correct for (alpha_U and the u-alpha family: D_E = 0, or no matter to pair; kappa: expected agreement 1): it is not defined or set by convention, not an estimate
caution-one-document = { $figure } and the u-alpha family have no confidence interval: the bootstrap resamples documents, and this study has only one
caution-few-units = { $figure } rests on { $units } unit(s), fewer than { $min }: one disagreement moves it a lot; read it as a hint, not as a reliability figure
