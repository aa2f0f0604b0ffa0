module github.com/example-org/search-indexer

go 1.22

require (
	github.com/getsentry/sentry-go v0.28.1
	github.com/opensearch-project/opensearch-go/v4 v4.1.0
	github.com/testcontainers/testcontainers-go v0.31.0
	go.opentelemetry.io/otel v1.28.0
)
