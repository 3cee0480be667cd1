package app // want package:"wechat"

// Package app calls unseencheck: what it knows of it, it knows by facts.

import "unseencheck"

func Name(b []byte) string {
	u, err := unseencheck.GetUser(b)
	if err != nil {
		return ""
	}
	return u.Name
}

// b is checked by ViaReflection, which decodes it into a value it reflects over.
func Others(b []byte, t unseencheck.Transport, fill func(*unseencheck.User) error) string { // want Others:"checker\\(0\\)"
	u1, _ := unseencheck.ViaInterface(t)
	u2, _ := unseencheck.ViaCallback(fill)
	u3, _ := unseencheck.ViaAny(b, func(any) {})
	u4, _ := unseencheck.ViaAssertion(b)
	u5, _ := unseencheck.ViaReflection(b)
	return u1.Name + u2.Name + u3.Name + u4.Name + u5.Name
}

func Unchecked(b []byte) string {
	u, _ := unseencheck.Unchecked(b) // want `errcode of u \(unseencheck.User\), returned by unseencheck.Unchecked, is never checked`
	return u.Name
}
