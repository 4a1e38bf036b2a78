{#- Every item of a long attention list, for the site's script: it filters and sorts them all
    and draws the rows it shows (okrdocs.js: attentionRow). Links are from the site's root. -#}
OKRDOCS_PART({{ page.path | tojson }}, {{ attention_data(items, data, teams, owners) | tojson }});
