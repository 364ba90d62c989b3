//! The report's inline style sheet: readable when printed, no web fonts, no network.

/// The CSS placed in the report's `<style>` element.
pub const CSS: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; max-width: 62em; margin: 2em auto; \
padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #bbb; margin-top: 1.8em; }
h3 { font-size: 1.05em; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
dl.meta dt { font-weight: bold; }
p.methods { background: #f4f4ef; border-left: 4px solid #0072B2; padding: 0.8em 1em; }
table { border-collapse: collapse; margin: 0.6em 0; font-family: Helvetica, Arial, sans-serif; \
font-size: 0.85em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
td { white-space: nowrap; }
#variables td:nth-child(2), #presence td:nth-child(2), #variables thead th:nth-child(2),
#presence thead th:nth-child(2) { text-align: left; }
thead th { border-bottom: 2px solid #555; }
td.caution, th.caution { color: #a33b00; font-weight: bold; }
.note { font-size: 0.9em; color: #444; }
.cautions { font-size: 0.85em; color: #6b2700; }
svg { font-family: Helvetica, Arial, sans-serif; font-size: 12px; }
svg .label { text-anchor: end; }
svg .tick { text-anchor: middle; fill: #555; }
svg .axis { stroke: #999; stroke-width: 1; }
svg .threshold { stroke: #D55E00; stroke-width: 1; stroke-dasharray: 4 3; }
svg .interval { stroke: #0072B2; stroke-width: 3; stroke-linecap: round; opacity: 0.55; }
svg .value { fill: #0072B2; }
svg .off { fill: #a33b00; }
svg .legend { fill: #555; }
@media print { body { margin: 0; max-width: none; } p.methods { background: none; } }
";
