package model

import (
	"reflect"
	"testing"
)

const hostile = "A\x1b]52;c;aGk=\x07B\u202eC\x00D\x9b2J\u2066E"

// fill puts hostile text into every string, list and map of v (one
// element each), by reflection, so a field added later is covered too.
func fill(v reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(hostile)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fill(f, depth+1)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), depth+1)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}

// unsafeStrings lists the strings of v that still hold an unsafe rune.
func unsafeStrings(v reflect.Value, path string, found *[]string) {
	switch v.Kind() {
	case reflect.String:
		for _, r := range v.String() {
			if UnsafeRune(r) {
				*found = append(*found, path)
				return
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			unsafeStrings(v.Elem(), path, found)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				unsafeStrings(v.Field(i), path+"."+v.Type().Field(i).Name, found)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			unsafeStrings(v.Index(i), path+"[]", found)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			unsafeStrings(it.Key(), path+"{key}", found)
			unsafeStrings(it.Value(), path+"{}", found)
		}
	}
}

// CleanSession reaches every text of a session: with hostile text in every
// field, map key and list, nothing unsafe is left, the printable text
// around it survives, and cleaning again changes nothing.
func TestCleanSessionEveryField(t *testing.T) {
	s := &Session{}
	fill(reflect.ValueOf(s).Elem(), 0)
	var before []string
	unsafeStrings(reflect.ValueOf(s).Elem(), "Session", &before)
	n := CleanSession(s)
	var after []string
	unsafeStrings(reflect.ValueOf(s).Elem(), "Session", &after)
	if len(after) > 0 {
		t.Errorf("unsafe text left in %v", after)
	}
	if n < len(before) || len(before) < 15 {
		t.Errorf("cleaned %d strings of %d hostile ones", n, len(before))
	}
	if s.Title != "A]52;c;aGk=BCD2JE" {
		t.Errorf("title %q", s.Title)
	}
	if CleanSession(s) != 0 {
		t.Error("cleaning twice changed something")
	}
}
