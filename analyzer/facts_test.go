// This file tests that every fact of the suite survives go vet's gob encoding.

package analyzer_test

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// go vet gob-encodes facts between the processes of one build: every fact
// type of the suite and of the analyzers it requires must survive a round
// trip with each exported field set, and print the same after it.
func TestFactsRoundTrip(t *testing.T) {
	seen := make(map[reflect.Type]bool)
	for a := range analyzer.WithRequired(analyzer.Suite) {
		for _, f := range a.FactTypes {
			typ := reflect.TypeOf(f).Elem()
			if seen[typ] {
				continue
			}
			seen[typ] = true
			t.Run(a.Name+"/"+typ.Name(), func(t *testing.T) { roundTrip(t, typ) })
		}
	}
	if len(seen) < 3 {
		t.Fatalf("found %d fact types; the walk over the suite is broken", len(seen))
	}
}

func roundTrip(t *testing.T, typ reflect.Type) {
	want := reflect.New(typ)
	set := 0
	for i := range typ.NumField() {
		if typ.Field(i).IsExported() && fill(want.Elem().Field(i)) {
			set++
		}
	}
	if set == 0 {
		t.Fatalf("%s has no exported field this test can set: gob refuses it", typ)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(want.Interface()); err != nil {
		t.Fatalf("encode: %v", err)
	}
	got := reflect.New(typ)
	if err := gob.NewDecoder(&buf).Decode(got.Interface()); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		t.Errorf("round trip: got %+v, want %+v", got.Interface(), want.Interface())
	}
	type stringer interface{ String() string }
	if g, w := got.Interface().(stringer).String(), want.Interface().(stringer).String(); g != w {
		t.Errorf("String after round trip: got %q, want %q", g, w)
	}
}

// fill sets v to a value other than its zero value and reports whether it
// could.
func fill(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.String:
		v.SetString("x")
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		if !fill(s.Index(0)) {
			return false
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		if !fill(k) || !fill(e) {
			return false
		}
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		filled := false
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && fill(v.Field(i)) {
				filled = true
			}
		}
		return filled
	default:
		return false
	}
	return true
}
