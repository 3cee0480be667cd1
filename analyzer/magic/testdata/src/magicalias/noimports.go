package magicalias

func shadowed(r resp) bool {
	codes := 1
	_ = codes
	return r.ErrCode == -1 // want `use codes.SystemError`
}
