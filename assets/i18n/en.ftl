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
