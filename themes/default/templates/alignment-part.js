{#- A node's aligned objectives (or more roots) for the alignment tree, loaded when opened.
    Links are from the site's root; the site's script makes them relative to the page. -#}
OKRDOCS_PART({{ page.path | tojson }}, {{ (tree_groups(part, data, "") if part.owner else tree_nodes(part, data, "")) | string | tojson }});
