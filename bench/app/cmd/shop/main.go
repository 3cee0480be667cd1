// Command shop runs the shop's web server.
package main

import (
	"log"
	"os"

	"github.com/beego/beego/v2/server/web"

	"wxapp.example/shop/controllers"
	"wxapp.example/shop/models"
	"wxapp.example/shop/search"
	"wxapp.example/shop/storage"
	"wxapp.example/shop/wechat"
	"wxapp.example/shop/wecom"
)

func main() {
	store, err := models.Open(os.Getenv("SHOP_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	idx, err := search.New(os.Getenv("SHOP_ES"))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := storage.New("ap-shanghai", "shop", os.Getenv("SHOP_MINIO"), os.Getenv("SHOP_KEY"), os.Getenv("SHOP_SECRET")); err != nil {
		log.Fatal(err)
	}
	app := &controllers.App{
		WeChat: wechat.New(os.Getenv("WX_APPID"), os.Getenv("WX_SECRET")),
		WeCom:  &wecom.Agent{CorpID: os.Getenv("WECOM_CORP"), Secret: os.Getenv("WECOM_SECRET"), AgentID: 1000002},
		Store:  store,
		Search: idx,
	}
	web.Router("/wechat/paid", &controllers.WeChatController{App: app}, "post:Paid")
	web.Router("/wechat/follow", &controllers.WeChatController{App: app}, "get:Follow")
	web.Router("/search", &controllers.ShopController{App: app}, "get:Search")
	web.Router("/orders", &controllers.ShopController{App: app}, "get:Orders")
	web.Run()
}
