package search

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Query is a parsed search request.
type Query struct {
	Text   string
	Facets []string
}

// ParseQuery reads q and facets from the URL.
func ParseQuery(r *http.Request) Query {
	facets := r.URL.Query().Get("facets")
	q := Query{Text: strings.TrimSpace(r.URL.Query().Get("q"))}
	if facets != "" {
		q.Facets = strings.Split(facets, ",")
	}
	return q
}

// Handler serves GET /v1/search.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"query": ParseQuery(r), "hits": []any{}})
	})
}
