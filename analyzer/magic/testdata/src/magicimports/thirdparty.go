package magicimports

import grpc "google.golang.org/grpc/codes"

func thirdParty(r resp) (grpc.Code, bool) {
	return grpc.NotFound, r.ErrCode == 45009 // want `use codes.ReachMaxAPIDailyQuotaLimit`
}
