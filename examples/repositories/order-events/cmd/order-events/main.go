package main

import (
	"log"
	"net/http"
	"os"

	"github.com/example-org/order-events/internal/search"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.Handle("/v1/search", search.Handler())
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
