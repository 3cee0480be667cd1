package magicmulti

func busy(r resp) bool {
	return r.ErrCode == -1 // want `use codes.SystemError`
}

func quota(r resp) bool {
	return r.ErrCode == 45009 // want `use codes.ReachMaxAPIDailyQuotaLimit`
}
