// Package models holds the shop's tables, in gorm for orders and xorm for
// the WeChat followers (two teams, two ORMs, as in many real shops).
package models

import (
	"time"

	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"xorm.io/xorm"
)

// Order is a shop order.
type Order struct {
	ID        uint `gorm:"primaryKey"`
	OpenID    string
	Amount    int64
	Status    string
	CreatedAt time.Time
}

// Follower is a WeChat follower of the official account.
type Follower struct {
	OpenID   string `xorm:"pk varchar(64)"`
	Nickname string
	Tags     string
}

// Store holds both database handles.
type Store struct {
	DB  *gorm.DB
	Eng *xorm.Engine
}

// Open connects to MySQL twice, once per ORM.
func Open(dsn string) (*Store, error) {
	db, err := gorm.Open(mysql.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, err
	}
	eng, err := xorm.NewEngine("mysql", dsn)
	if err != nil {
		return nil, err
	}
	return &Store{DB: db, Eng: eng}, nil
}

// PaidOrders returns a follower's paid orders.
func (s *Store) PaidOrders(openID string) ([]Order, error) {
	var orders []Order
	err := s.DB.Where("open_id = ? AND status = ?", openID, "paid").Find(&orders).Error
	return orders, err
}

// SaveFollower inserts or updates a follower.
func (s *Store) SaveFollower(f *Follower) error {
	has, err := s.Eng.Exist(&Follower{OpenID: f.OpenID})
	if err != nil {
		return err
	}
	if has {
		_, err = s.Eng.ID(f.OpenID).Update(f)
	} else {
		_, err = s.Eng.Insert(f)
	}
	return err
}
