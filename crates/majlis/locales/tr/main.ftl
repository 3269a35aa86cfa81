# Majlis kullanıcı arayüzü mesajları (Türkçe).
# Every id here exists in ar, tr, fr and de too; a test checks it.

site-tagline = Ev sahibi belediyeler için akran öğrenimi
skip-to-content = İçeriğe geç
nav-main = Ana menü
nav-languages = Dil
nav-home = Ana sayfa
nav-municipalities = Belediyeler
nav-organisations = Kuruluşlar
nav-network = Ağ
footer-about = Majlis, mültecilere ve göçmenlere ev sahipliği yapan belediyelerin oluşturduğu bir akran öğrenimi ağının ortak platformudur.
footer-api = Açık veri (JSON API)
breadcrumbs = Gezinti yolu

language-en = İngilizce
language-ar = Arapça
language-tr = Türkçe
language-fr = Fransızca
language-de = Almanca
shown-in = { $language } olarak gösteriliyor

home-title = Birbirinden öğrenen belediyeler
home-lead = Üye belediyeler ve ortakları, mültecilere ev sahipliğinde işe yarayan deneyimleri Arapça, Türkçe, İngilizce, Fransızca ve Almanca olarak paylaşıyor: iyi uygulamalar, çalıştaylar, istişareler ve anketler.
home-figures = Rakamlarla ağ
home-explore = Keşfedin
home-municipalities-text = Üye belediyeler; rakamları, temaları ve irtibat kişileri.
home-organisations-text = Üyelerle birlikte çalışan kalkınma ajansları, kent ağları, STK’lar ve üniversiteler.
home-network-text = Ağın bildirdiği rakamlarla birlikte ülkelere göre üyeler.

figure-municipalities = Belediyeler
figure-countries = Ülkeler
figure-organisations = Ortak kuruluşlar
figure-themes = Temalar
figure-refugees = Barındırılan mülteciler

filter-country = Ülke
filter-theme = Tema
filter-kind = Tür
filter-all = Tümü
filter-apply = Göster
result-count = { $count ->
    [0] Sonuç yok
    [one] Bir sonuç
   *[other] { $count } sonuç
}
themes-label = Temalar
pager-label = Sayfalar
pager-previous = Önceki sayfa
pager-next = Sonraki sayfa
pager-position = Sayfa { $page }

municipalities-title = Üye belediyeler
municipalities-lead = Ağa katılan belediyeler, ilçeler ve belediyeler birlikleri.
municipalities-empty = Bu filtrelere uyan belediye yok.
refugees-hosted = { $count } mülteciye ev sahipliği yapıyor
municipality-profile = Profil
municipality-facts = Temel bilgiler
fact-population = Nüfus
fact-refugees = Barındırılan mülteciler
fact-member-since = Üyelik yılı
fact-figures = Rakamlar
fact-none = bildirilmedi
themes-of-interest = İlgi duyulan temalar
focal-points = İrtibat kişileri
focal-points-none = Henüz irtibat kişisi eklenmedi.

organisations-title = Ortak kuruluşlar
organisations-lead = Üye belediyeleri destekleyen ve ağın faaliyetlerine katılan kuruluşlar.
organisations-empty = Bu filtrelere uyan kuruluş yok.
organisation-website = Web sitesi

network-title = Ağ
network-lead = Ağın üyeleri ve ortakları nerede ve neler bildiriyor.
network-by-country = Ülkelere göre üyeler ve ortaklar
network-refugees-note = Mülteci rakamları, üye belediyelerin bildirdiklerinin toplamıdır; belediyelerin çoğu henüz rakam bildirmedi.
network-figures-from = { $count ->
    [one] bir belediyeden
   *[other] { $count } belediyeden
}
column-country = Ülke

municipality-kind-municipality = Belediye
municipality-kind-metropolitan-municipality = Büyükşehir belediyesi
municipality-kind-district-municipality = İlçe belediyesi
municipality-kind-union-of-municipalities = Belediyeler birliği
municipality-kind-district = İlçe
municipality-kind-city-district = Kent ilçesi

organisation-kind-development-agency = Kalkınma ajansı
organisation-kind-city-network = Kent ağı
organisation-kind-ngo = STK
organisation-kind-university = Üniversite veya yüksekokul
organisation-kind-ministry = Bakanlık
organisation-kind-union-of-municipalities = Belediyeler birliği
organisation-kind-international-organisation = Uluslararası kuruluş
organisation-kind-research-institute = Araştırma enstitüsü
organisation-kind-government-agency = Kamu kurumu
organisation-kind-foundation = Vakıf
organisation-kind-private-sector = Özel sektör
organisation-kind-consultancy = Danışmanlık firması

field-page = sayfa numarası
field-per_page = sayfa başına kayıt sayısı
field-country = ülke
field-theme = tema
field-kind = tür
field-members = üyeler

error-status = Hata { $status }
error-back-home = Ana sayfaya dön
error-not-found-title = Sayfa bulunamadı
error-not-found = Bu adreste hiçbir şey yok. Sayfa taşınmış ya da bağlantı yanlış yazılmış olabilir.
error-bad-request-title = Bu istek anlaşılamadı
error-bad-request = Adresin bir kısmı anlaşılamadı. Kontrol edip tekrar deneyin.
error-bad-request-field = “{ $field }” için verilen değer geçerli değil. Kontrol edip tekrar deneyin.
error-method-not-allowed-title = İzin verilmiyor
error-method-not-allowed = Bu adres bu tür istekleri kabul etmiyor.
error-internal-title = Bir sorun oluştu
error-internal = Bizden kaynaklanan bir sorun oluştu. Sorun kayda alındı; lütfen biraz sonra tekrar deneyin.

nav-sign-in = Giriş yap
nav-sign-out = Çıkış yap
login-title = Giriş yap
login-lead = Majlis hesabınızın e-posta adresi ve şifresiyle giriş yapın.
login-email = E-posta adresi
login-password = Şifre
login-submit = Giriş yap
login-failed = E-posta adresi ya da şifre yanlış.
login-deactivated = Bu hesap devre dışı bırakıldı. Hesaba yeniden ihtiyacınız olursa bir ağ koordinatörüne başvurun.
login-too-many = Çok fazla giriş denemesi yapıldı. { $minutes ->
    [one] Bir dakika
   *[other] { $minutes } dakika
} sonra tekrar deneyin.
login-signed-out = Çıkış yaptınız.
account-title = Hesabım
account-name = Ad soyad
account-role = Rol
account-sessions = Giriş yaptığınız yerler
account-session-device = Adres ve tarayıcı
account-session-current = bu tarayıcı
account-session-started = Giriş zamanı
account-session-last-seen = Son etkinlik
account-sign-out-everywhere = Her yerden çıkış yap
role-admin = Yönetici
role-coordinator = Koordinatör
role-member = Üye
role-expert = Uzman
field-form = form
error-sign-in-required-title = Lütfen giriş yapın
error-sign-in-required = Bu sayfa yalnızca giriş yapmış üyeler içindir. Devam etmek için giriş yapın.
error-forbidden-title = İzin verilmiyor
error-forbidden = Bunu yapma izniniz yok.
error-csrf-title = Bu formun süresi doldu
error-csrf = Bu formun süresi doldu ya da form başka bir siteden gönderildi. Sayfayı yenileyip tekrar deneyin.
error-too-many-requests-title = Çok fazla deneme
error-too-many-requests = Kısa sürede çok fazla deneme yapıldı. Biraz bekleyip tekrar deneyin.
nav-people = Kişiler
people-title = Kişiler
people-lead = Hesabı olan herkes. Bir hesabı devre dışı bırakmak, tüm oturumlarını hemen kapatır.
people-status = Durum
people-active = Etkin
people-inactive = Devre dışı
people-role-of = { $name } kişisinin rolü
people-change-role = Rolü değiştir
people-deactivate = Devre dışı bırak
people-reactivate = Yeniden etkinleştir
people-updated = Değişiklik kaydedildi.
field-role = rol
field-active = durum
people-invite = Birini davet et
invite-title = Birini davet et
invite-lead = Kişiye e-postayla bir bağlantı gönderilir. Bağlantı yedi gün boyunca geçerlidir ve yalnızca bir kez kullanılabilir.
invite-email = E-posta adresi
invite-role = Rol
invite-municipality = Belediye
invite-municipality-none = Yok
invite-focal-point = Bu belediyenin irtibat kişisi (belediye adına hareket eder)
invite-locale = Mesajın dili
invite-submit = Daveti gönder
invite-sent = Davet { $email } adresine gönderildi.
invite-email-invalid = Geçerli bir e-posta adresi girin.
invite-email-taken = Bu e-posta adresiyle açılmış bir hesap zaten var.
join-title = Majlis’e katılın
join-lead = Majlis’e { $role } olarak davet edildiniz. Diğer kişilerin göreceği adınızı ve bir şifre belirleyin.
join-name = Adınız
join-password = Şifre
join-password-again = Şifre (tekrar)
join-password-hint = 8 ile 128 karakter arası. Aklınızda kalan bir cümle iyi bir seçimdir.
join-submit = Hesabımı oluştur
join-password-mismatch = Girdiğiniz iki şifre birbirinden farklı.
join-name-missing = Adınızı girin.
join-password-short = Şifre en az 8 karakter uzunluğunda olmalıdır.
join-password-long = Şifre en fazla 128 karakter uzunluğunda olmalıdır.
join-password-common = Bu şifre en sık kullanılan şifreler arasında. Başka bir şifre seçin.
invitation-not-found = Bu davet bağlantısı geçerli değil. Bağlantının tamamını kopyaladığınızdan emin olun.
invitation-expired = Bu davetin süresi doldu. Bir ağ koordinatöründen yeni bir davet isteyin.
invitation-used = Bu davet zaten kullanıldı. Bunun yerine hesabınızla giriş yapın.
field-municipality = belediye
field-locale = dil
mail-invitation-subject = Majlis davetiniz
mail-invitation-body = Merhaba,

    { $inviter } sizi, mültecilere ev sahipliği yapan belediyelerin oluşturduğu akran öğrenimi ağının platformu Majlis’e davet ediyor.

    Adınızı ve şifrenizi belirlemek için bu bağlantıyı açın:
    { $link }

    Bağlantı { $until } tarihine kadar geçerlidir ve yalnızca bir kez kullanılabilir.

edit-municipality = Profili düzenle
edit-saved = Profil kaydedildi.
edit-errors = Bazı alanları yeniden kontrol etmeniz gerekiyor:
edit-original-language = Özgün dil
edit-name = Ad
edit-region = Bölge veya il
edit-figure = Sayı
edit-year = Rakamın ait olduğu yıl
edit-save = Kaydet
edit-error-figure = 0 ile 100.000.000 arasında bir tam sayı girin
edit-error-year = 1900 ile bu yıl arasında bir yıl girin
edit-error-orig = beş dilden birini seçin
edit-error-too-long = bu metin çok uzun
edit-error-name-original = özgün dilde ad girilmesi zorunludur
edit-error-profile-original = profili özgün dilde de yazın
edit-error-theme = bilinmeyen tema
field-orig = özgün dil
field-name = ad
field-profile = profil
field-region = bölge
field-population = nüfus
field-population_year = nüfus rakamının ait olduğu yıl
field-refugees = barındırılan mülteciler
field-refugees_year = mülteci rakamının ait olduğu yıl
field-themes = temalar

two-factor-title = İki adımlı doğrulama
two-factor-login-lead = Kimlik doğrulama uygulamanızdaki 6 haneli kodu ya da kurtarma kodlarınızdan birini girin.
two-factor-code = Kod
two-factor-submit = Devam et
two-factor-wrong = Bu kod yanlış ya da daha önce kullanılmış.
two-factor-too-many = Çok fazla yanlış kod girildi. 15 dakika bekleyip tekrar deneyin.
two-factor-setup-lead = Bu görseli bir kimlik doğrulama uygulamasıyla (örneğin FreeOTP, Aegis veya Google Authenticator) tarayın ya da anahtarı uygulamaya elle girin; ardından uygulamanın gösterdiği 6 haneli kodu girin.
two-factor-key = Anahtar
two-factor-enable = Etkinleştir
two-factor-on = İki adımlı doğrulama etkin.
two-factor-recovery = Kurtarma kodları
two-factor-recovery-lead = Bu kodları güvenli bir yerde saklayın. Telefonunuzu kaybederseniz bu kodlarla giriş yapabilirsiniz; her kod yalnızca bir kez kullanılabilir. Kodlar yalnızca şimdi gösteriliyor.
two-factor-codes-left = Kalan kurtarma kodu: { $count }
two-factor-required-note = Koordinatörlerin ve yöneticilerin iki adımlı doğrulamayı kullanması zorunludur; diğer herkes isterse kullanabilir.
account-two-factor = İki adımlı doğrulama
error-two-factor-required-title = İki adımlı doğrulama gerekli
error-two-factor-required = Koordinatör ve yönetici sayfaları için iki adımlı doğrulama gereklidir. Önce hesabınızda iki adımlı doğrulamayı etkinleştirin.
error-action-two-factor = İki adımlı doğrulamayı etkinleştir

reset-forgot-link = Şifrenizi mi unuttunuz?
reset-title = Şifrenizi mi unuttunuz?
reset-lead = Hesabınızın e-posta adresini girin. Yeni bir şifre belirlemeniz için bir bağlantı göndeririz; bağlantı 15 dakika boyunca geçerlidir ve yalnızca bir kez kullanılabilir.
reset-send = Bağlantıyı gönder
reset-sent = Bu adresi kullanan bir hesap varsa bağlantı size gönderiliyor. Gelen kutunuzu kontrol edin.
reset-new-title = Yeni bir şifre belirleyin
reset-save = Yeni şifreyi kaydet
reset-done = Şifreniz değiştirildi. Her yerden çıkışınız yapıldı; yeni şifrenizle giriş yapın.
reset-not-found = Bu bağlantı geçerli değil. Bağlantının tamamını kopyaladığınızdan emin olun.
reset-expired = Bu bağlantının süresi doldu. Yeni bir bağlantı isteyin.
reset-used = Bu bağlantı zaten kullanıldı. Gerekirse yeni bir bağlantı isteyin.
mail-reset-subject = Majlis için yeni bir şifre belirleyin
mail-reset-body = Merhaba,

    Birisi Majlis hesabınızın şifresini değiştirmek istedi. Bu isteği siz yaptıysanız bu bağlantıyı { $minutes } dakika içinde açın:
    { $link }

    Bu isteği siz yapmadıysanız bu mesajı dikkate almayın: şifreniz olduğu gibi kalır.

nav-audit = Denetim kaydı
audit-title = Denetim kaydı
audit-lead = İçerikte, rollerde ve ayarlarda yapılan her değişiklik: kimin yaptığı, ne zaman ve hangi adresten yapıldığı.
audit-person = Kişi (numara)
audit-object = Nesne
audit-object-id = Nesne numarası
audit-from = Başlangıç
audit-to = Bitiş
audit-when = Ne zaman
audit-who = Kim
audit-what = Ne
audit-where = Kaynak adres
audit-empty = Bu filtrelere uyan kayıt yok.
audit-system = komut satırı
field-person = kişi
field-object = nesne
field-object_id = nesne numarası
field-from = başlangıç tarihi
field-to = bitiş tarihi

account-download-data = Verilerimi indir (JSON)
delete-title = Hesabımı sil
delete-lead = Profiliniz, oturumlarınız ve belediyelerle bağlantılarınız hemen silinir. Bu işlem geri alınamaz.
delete-kept = Platformda yaptıklarınız kayıtlarda kalır ve "eski bir üye" tarafından yapılmış olarak gösterilir. Bir kopyasını istiyorsanız önce verilerinizi indirin.
delete-confirm-password = Onay için şifreniz
delete-submit = Hesabımı kalıcı olarak sil
delete-wrong-password = Şifre yanlış. Hiçbir şey silinmedi.
delete-last-admin = Son yöneticisiniz. Önce başka birini yönetici yapın.
delete-done = Hesabınız silindi.
audit-former-member = eski bir üye
tokens-title = API anahtarları
tokens-lead = Kişisel bir anahtar, bir programın JSON API'sini sizin yetkilerinizle kullanmasını sağlar: "Authorization: Bearer …" olarak gönderin. Artık gerekmediğinde anahtarı hemen iptal edin.
tokens-name = Anahtarın adı
tokens-create = Anahtar oluştur
tokens-created = Yeni anahtarınız bu. Şimdi kopyalayın: yalnızca bu kez gösterilir.
tokens-none = API anahtarınız yok.
tokens-last-used = Son kullanım
tokens-revoke = İptal et
tokens-bad-name = Anahtara 1 ile 100 karakter arasında bir ad verin.
password-title = Şifremi değiştir
password-lead = Değişiklikten sonra bu tarayıcı dahil her yerde oturumunuz kapanır; yeni şifrenizle yeniden giriş yapın.
password-current = Mevcut şifre
password-current-wrong = Mevcut şifre yanlış. Hiçbir şey değiştirilmedi.
