package app

import "example.com/m/weblog"

type Order struct{ ID string }

func PaidOrders(db *weblog.DB, openID string) ([]Order, string) {
	var orders []Order
	if err := db.Where("open_id = ? AND status = ?", openID, "paid").Find(&orders).Error; err != nil {
		return nil, weblog.Exception(500)
	}
	return orders, ""
}
