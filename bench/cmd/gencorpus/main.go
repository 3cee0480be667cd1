// Command gencorpus writes a synthetic Go module that looks like code
// calling WeChat APIs (see package gen): the benchmark's scalable corpus.
//
//	gencorpus -files 1000 -o /tmp/corpus1000
package main

import (
	"flag"
	"log"

	"github.com/wxerrlint/wxerrlint/bench/gen"
)

func main() {
	files := flag.Int("files", 100, "number of .go files to write (at least 3)")
	out := flag.String("o", "", "output directory (created; must not exist or be empty)")
	flag.Parse()
	if *out == "" || *files < 3 {
		log.Fatal("usage: gencorpus -files N -o DIR (N >= 3)")
	}
	if err := gen.Generate(*out, *files); err != nil {
		log.Fatal(err)
	}
}
