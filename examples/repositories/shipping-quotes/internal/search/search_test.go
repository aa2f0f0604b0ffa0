package search

import (
	"net/http/httptest"
	"testing"
)

func TestParseQuerySplitsFacets(t *testing.T) {
	q := ParseQuery(httptest.NewRequest("GET", "/v1/search?q=shoes&facets=brand,size", nil))
	if q.Text != "shoes" || len(q.Facets) != 2 {
		t.Fatalf("unexpected query %+v", q)
	}
}
