package model

import "reflect"

// CleanSession applies SafeText to every string of a session — titles,
// names, notes, answers, reasons, map keys — where text enters the domain
// (read from the store, imported, typed), so no later output path can
// forget it. It walks the session by reflection so that a field added
// later is covered too. It returns how many strings it changed.
func CleanSession(s *Session) int {
	if s == nil {
		return 0
	}
	return cleanValue(reflect.ValueOf(s).Elem())
}

// CleanValue is CleanSession for any other decoded text the store hands
// out (a form's draft): v must be a pointer.
func CleanValue(v any) int {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return 0
	}
	return cleanValue(rv.Elem())
}

func cleanValue(v reflect.Value) int {
	n := 0
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); v.CanSet() {
			if c := SafeText(s); c != s {
				v.SetString(c)
				n++
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			n += cleanValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				n += cleanValue(f)
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return 0 // raw bytes (JSON kept for a newer version), not text
		}
		for i := range v.Len() {
			n += cleanValue(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			return 0
		}
		// Entries are copied out only when they need cleaning: a clean
		// session (the usual case) costs no allocation here.
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		type entry struct{ old, k, v reflect.Value }
		var changed []entry
		for iter := v.MapRange(); iter.Next(); {
			k.SetIterKey(iter)
			e.SetIterValue(iter)
			if !dirty(k) && !dirty(e) {
				continue
			}
			ck := reflect.New(k.Type()).Elem()
			ck.Set(k)
			old := reflect.New(k.Type()).Elem()
			old.Set(k)
			ce := reflect.New(e.Type()).Elem()
			ce.Set(e)
			n += cleanValue(ck) + cleanValue(ce)
			changed = append(changed, entry{old, ck, ce})
		}
		for _, c := range changed {
			if !c.k.Equal(c.old) {
				v.SetMapIndex(c.old, reflect.Value{})
			}
			v.SetMapIndex(c.k, c.v)
		}
	}
	return n
}

// dirty reports whether v holds a string that SafeText would change,
// without changing or copying anything.
func dirty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		return SafeText(s) != s
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && dirty(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && dirty(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return false
		}
		for i := range v.Len() {
			if dirty(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		if v.Len() == 0 {
			return false
		}
		k := reflect.New(v.Type().Key()).Elem()
		e := reflect.New(v.Type().Elem()).Elem()
		for iter := v.MapRange(); iter.Next(); {
			k.SetIterKey(iter)
			e.SetIterValue(iter)
			if dirty(k) || dirty(e) {
				return true
			}
		}
	}
	return false
}
