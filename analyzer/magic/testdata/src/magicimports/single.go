package magicimports

import "errors" // one import

func single(r resp) error {
	if r.ErrCode == -1 { // want `use codes.SystemError`
		return errors.New("busy")
	}
	return nil
}
