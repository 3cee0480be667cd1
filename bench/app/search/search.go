// Package search indexes and finds products in Elasticsearch, through its
// typed API.
package search

import (
	"context"
	"encoding/json"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/typedapi/types"
)

// Product is a product as indexed.
type Product struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Price int64  `json:"price"`
}

// Index searches products.
type Index struct {
	es *elasticsearch.TypedClient
}

// New connects to Elasticsearch.
func New(addrs ...string) (*Index, error) {
	es, err := elasticsearch.NewTypedClient(elasticsearch.Config{Addresses: addrs})
	if err != nil {
		return nil, err
	}
	return &Index{es: es}, nil
}

// Put indexes a product.
func (x *Index) Put(ctx context.Context, p Product) error {
	_, err := x.es.Index("products").Id(p.ID).Document(p).Do(ctx)
	return err
}

// Find returns the products whose title matches q.
func (x *Index) Find(ctx context.Context, q string) ([]Product, error) {
	res, err := x.es.Search().Index("products").Query(&types.Query{
		Match: map[string]types.MatchQuery{"title": {Query: q}},
	}).Do(ctx)
	if err != nil {
		return nil, err
	}
	var out []Product
	for _, hit := range res.Hits.Hits {
		var p Product
		if err := json.Unmarshal(hit.Source_, &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
