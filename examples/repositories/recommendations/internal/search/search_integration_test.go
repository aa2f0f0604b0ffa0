//go:build integration

package search

import (
	"context"
	"testing"

	"github.com/testcontainers/testcontainers-go"
)

func TestSearchAgainstOpenSearch(t *testing.T) {
	ctx := context.Background()
	container, err := testcontainers.GenericContainer(ctx, testcontainers.GenericContainerRequest{
		ContainerRequest: testcontainers.ContainerRequest{Image: "opensearchproject/opensearch:2.15.0"},
		Started:          true,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer container.Terminate(ctx)
}
