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
field-latitude = enlem
field-longitude = boylam
field-population_year = nüfus rakamının ait olduğu yıl
field-refugees = barındırılan mülteciler
field-refugees_year = mülteci rakamının ait olduğu yıl
field-themes = temalar
municipality-new = Yeni belediye
municipality-create = Belediyeyi ekle
organisation-new = Yeni kuruluş
organisation-create = Kuruluşu ekle
organisation-edit = Kuruluşu düzenle
organisation-saved = Kuruluş kaydedildi.
edit-slug = Adres (kısa ad)
edit-slug-hint = Küçük Latin harfleri (a–z), rakamlar ve kısa çizgiler; örneğin “gaziantep-sahinbey”. Sayfa adresinin parçası olur ve sonradan değiştirilemez.
edit-kind = Tür
edit-country = Ülke
edit-acronym = Kısaltma
edit-website-hint = https:// veya http:// ile başlayan tam adres
edit-description = Tanıtım
edit-error-slug = yalnızca küçük Latin harfleri (a–z), rakamlar ve kısa çizgiler kullanın
edit-error-slug-taken = bu adres zaten kullanılıyor
edit-error-kind = listeden bir tür seçin
edit-error-country = listeden bir ülke seçin
edit-error-website = https:// veya http:// ile başlayan bir web adresi girin
edit-error-description-original = tanıtımı özgün dilde de yazın
field-slug = adres
field-member_since = üyelik yılı
field-acronym = kısaltma
field-website = web sitesi
field-description = tanıtım

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
audit-backup-age = Son sağlam yedek: { $hours } saat önce.
audit-backup-none = Henüz yedek alınmadı: README dosyasındaki “Backups” bölümüne bakın.
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
delete-content-legend = Yazdıklarınız
delete-content-keep = Kalsın, "eski bir üye" tarafından yazılmış olarak gösterilsin
delete-content-delete = Onları da silin: danışmalara katkılarım, başlattığım danışmalar (başkalarının içlerine yazdıklarıyla birlikte) ve uygulama taslaklarım. Bir belediye adına gönderilmiş uygulamalar belediyede kalır.
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

## Library, practices, compendiums
nav-library = Kütüphane
library-title = Kütüphane
library-lead = Ağın belgeleri, mevcut oldukları dillerde: kavram notları, raporlar, sunumlar, uygulama föyleri ve daha fazlası.
library-sections = Kütüphane bölümleri
library-documents = Belgeler
library-practices = İyi uygulamalar
library-compendiums = Derlemeler
library-empty = Bu filtrelere uyan belge yok.
filter-language = Dil
filter-year = Yıl
filter-sort = Sıralama
sort-newest = Önce en yeniler
sort-oldest = Önce en eskiler
sort-title = Başlığa göre
form-choose = Seçin…
form-required = zorunlu
form-error-choose = Sunulan seçeneklerden birini seçin.
form-error-required = Bu alan zorunludur.
form-error-too-long = Bu metin çok uzun.
form-error-year = Dört haneli bir yıl girin.
form-error-period = Bitiş, başlangıçtan önce geliyor.
form-error-email = Bu bir e-posta adresi değil.
form-error-link = https:// veya http:// ile başlayan bir web adresi girin.
form-error-file-or-link = Bir dosya ya da bir bağlantı verin.
form-error-original = Bu alanı özgün dilde doldurun.
upload-hint = PDF, Word, PowerPoint, Excel, OpenDocument, JPEG, PNG veya WebP; en fazla { $size } MB.
upload-error-empty = Dosya boş.
upload-error-too-large = Dosya, izin verilen boyut sınırını aşıyor.
upload-error-type = Bu dosya türü kabul edilmiyor: yalnızca PDF, ofis belgeleri ve görseller kabul edilir.
upload-error-bomb = Bu dosya açıldığında kendi boyutunun çok üzerine çıkıyor; bu nedenle reddedildi.
upload-error-malformed = Bu dosya bozuk ve okunamıyor.
upload-error-failed = Dosya kaydedilemedi. Hiçbir şey kaydedilmedi; lütfen tekrar deneyin.
visibility-public = Herkes
visibility-members = Yalnızca üyeler
resource-new = Belge ekle
resource-authors = Yazarlar
resource-organisations = Kuruluşlar
resource-countries = Ülkeler
resource-licence = Lisans
resource-month = Ay
resource-visibility = Kimler okuyabilir
resource-languages = Diller
resource-versions = Dil sürümleri
resource-no-versions = Henüz hiçbir sürüm eklenmedi.
resource-download = İndir
resource-open-link = Bağlantıyı aç
resource-not-available = duyuruldu, henüz erişilebilir değil
resource-practices = İlgili iyi uygulamalar
resource-add-version = Dil sürümü ekle
resource-first-version = İlk dil sürümü
resource-kind-concept-note = Kavram notu
resource-kind-framing-note = Çerçeve notu
resource-kind-report = Rapor
resource-kind-presentation = Sunum
resource-kind-practice-sheet = Uygulama föyü
resource-kind-toolkit = Araç seti
resource-kind-policy-brief = Politika notu
resource-kind-compendium = Derleme
resource-kind-programme = Program
resource-kind-video-link = Video
resource-kind-photo-reportage = Foto röportaj
resource-kind-dataset = Veri seti
practices-title = İyi uygulamalar
practices-lead = Üye belediyelerin ve ortakların hayata geçirdikleri ve başkalarının bunlardan öğrenebilecekleri.
practices-empty = Bu filtrelere uyan yayımlanmış uygulama yok.
my-practices-title = Uygulamalarım
my-practices-lead = Başlattığınız uygulamalar ve irtibat kişisi olduğunuz belediyelerin uygulamaları, durumları ne olursa olsun.
review-title = İnceleme bekleyenler
review-lead = İncelemeye gönderilen uygulamalar. Yorum yapmak, değişiklik istemek ya da yayımlamak için birini açın.
practice-new = Uygulama gönder
practice-edit = Düzenle
practice-versions = Sürümler
practice-sheet-pdf = Uygulama föyü (PDF)
practice-status = Durum
practice-status-draft = Taslak
practice-status-submitted = Gönderildi
practice-status-in-review = İncelemede
practice-status-published = Yayımlandı
practice-status-archived = Arşivlendi
practice-archived-note = Bu uygulama arşivlendi: artık güncel olmayabilir.
practice-original-language = Özgün dil
practice-last-verified = Son doğrulama
practice-ongoing = Devam ediyor
practice-period-ongoing = { $start } yılından beri, devam ediyor
practice-attachments = Ekler ve belgeler
practice-no-attachments = Henüz ek yok.
practice-add-attachment = Ekle
practice-history = İnceleme geçmişi
practice-review-actions = İnceleme
practice-steps = Adımlar
practice-step-about = Uygulama hakkında
practice-step-story = Sorun ve yaklaşım
practice-step-results = Sonuçlar ve çıkarılan dersler
practice-step-finish = Ekler ve inceleme
practice-writing-in = Yazım dili
practice-translation = çeviri
practice-saved = Kaydedildi.
practice-save-continue = Kaydet ve devam et
practice-save-draft = Taslağı kaydet
practice-checklist = İncelemeye göndermeden önce
practice-complete = Gereken her şey tamam.
practice-missing = Hâlâ eksik olanlar:
practice-contact-hint = Yalnızca giriş yapmış üyelere gösterilir.
practice-field-title = Başlık
practice-field-summary = Özet
practice-field-target-groups = Hedef gruplar
practice-field-challenge = Sorun
practice-field-approach = Yaklaşım ve faaliyetler
practice-field-partners = Ortaklar
practice-field-results = Sonuçlar ve göstergeler
practice-field-lessons = Başarı faktörleri ve çıkarılan dersler
practice-field-transferability = Aktarılabilirlik ve gereken kaynaklar
practice-field-owner = Belediye veya kuruluş
practice-field-country = Ülke
practice-field-city = Şehir
practice-field-department = Birim
practice-field-contact = İletişim kişisi
practice-field-contact-name = İletişim kişisi
practice-field-contact-email = İletişim e-postası
practice-field-themes = Temalar
practice-field-period = Dönem
practice-field-start-year = Başlangıç (yıl)
practice-field-end-year = Bitiş (yıl)
practice-field-presenter = Sunan
practice-field-presented-at = Sunulduğu yer
practice-field-comment = Yorum
practice-field-orig = Özgün dil
practice-field-kind = Tür
practice-field-year = Yıl
practice-field-month = Ay
practice-field-visibility = Kimler okuyabilir
practice-field-countries = Ülkeler
practice-field-organisations = Kuruluşlar
practice-field-authors = Yazarlar
practice-field-licence = Lisans
practice-field-introduction = Giriş
practice-field-edition = Baskı
practice-field-publisher = Yayımcı
practice-field-practices = Uygulamalar
practice-field-version-lang = Dil
practice-field-version-title = Bu dildeki başlık
practice-field-version-file = Dosya
practice-field-version-url = Ya da bir bağlantı
practice-action-submitted = İncelemeye gönder
practice-action-review-started = İncelemeyi başlat
practice-action-changes-requested = Değişiklik iste
practice-action-published = Yayımla
practice-action-archived = Arşivle
practice-action-comment = Yorum yap
practice-review-submitted = İncelemeye gönderildi
practice-review-review-started = İnceleme başladı
practice-review-changes-requested = Değişiklik istendi
practice-review-published = Yayımlandı
practice-review-archived = Arşivlendi
practice-review-comment = Yorum
former-member = eski bir üye
versions-from = Başlangıç sürümü
versions-to = Bitiş sürümü
versions-compare = Karşılaştır
versions-changes = { $count ->
    [one] Bir değişiklik
   *[other] { $count } değişiklik
}
compendiums-title = Derlemeler
compendiums-lead = Temalara göre seçilmiş iyi uygulamalar; burada okuyabilir ya da yazdırabilirsiniz.
compendiums-empty = Henüz yayımlanmış bir derleme yok.
compendium-new = Yeni baskı
compendium-draft = Taslak
compendium-published = Yayımlandı
compendium-pdf = PDF olarak indir
compendium-contents = İçindekiler
compendium-introduction = Giriş
compendium-edition = Baskı (ör. Mayıs 2017)
compendium-publisher = Yayımcı
compendium-arrange = Uygulamaları seç
compendium-arrange-lead = Yayımlanmış uygulamaları temalara göre bölümlere yerleştirin ve sıralarını belirleyin; diğerlerini dışarıda bırakın.
compendium-published-practices = Yayımlanmış uygulamalar
compendium-chapter = Bölüm
compendium-order = Sıra
compendium-not-included = Dahil değil
print-footer = Majlis · Ev sahibi belediyelerin akran öğrenimi ağı

## Events
nav-events = Etkinlikler
events-title = Etkinlikler
events-lead = Ağın akran çalıştayları, web seminerleri, saha ziyaretleri ve akademi modülleri: programlar, materyaller ve ortaya çıkan sonuçlar.
events-empty = Bu filtrelere uyan etkinlik yok.
events-when = Hangi etkinlikler
events-when-upcoming = Yaklaşan
events-when-past = Geçmiş
events-when-all = Tümü
events-subscribe = Bu etkinliklere abone ol (iCalendar)
events-mine = Etkinliklerim
events-mine-empty = Hiçbir etkinliğe kaydınız yok.
events-calendar-name = Majlis etkinlikleri
events-my-calendar-name = Majlis etkinliklerim
events-my-feed = Kişisel takviminiz
events-my-feed-hint = Takvim programlarının takip edebileceği gizli bir adres: kaydolduğunuz etkinlikleri listeler. Adresi bilen herkes listeyi okuyabilir; bu nedenle adresi kimseyle paylaşmayın.
events-my-feed-new = Yeni adresiniz bu. Yalnızca bu kez gösterilir: şimdi takvim programınıza kopyalayın.
events-my-feed-address = Takvim adresi
events-my-feed-exists = Bir takvim adresiniz var. Yeni bir adres oluşturursanız eski adres artık çalışmaz.
events-my-feed-create = Takvim adresi oluştur
events-my-feed-replace = Yeni adres oluştur
event-new = Yeni etkinlik
event-edit = Etkinliği düzenle
event-edit-programme = Programı düzenle
event-edit-outcomes = Çıktıları düzenle
event-registrations = Kayıtlar
event-manage = Etkinliği yönet
event-clone = Yeni etkinlik olarak kopyala
event-series = Seri
event-when = Ne zaman
event-where = Nerede
event-times-in = saat dilimi:
event-date-approximate = (kesin tarih kayıtlı değil)
event-online = çevrimiçi
event-online-link = Çevrimiçi katılım bağlantısı
event-online-link-hidden = Katılım bağlantısı kayıtlı katılımcılara gösterilir.
event-organisers = Düzenleyenler
event-partners = Ortaklar
event-languages = Çalışma dilleri
event-interpretation = Tercüme
event-add-to-calendar = Takvimime ekle (iCalendar)
event-registration = Kayıt
event-capacity = { $count ->
    [one] Bir kişilik kontenjan
   *[other] { $count } kişilik kontenjan
}
event-places-left = { $count ->
    [0] yer kalmadı
    [one] bir kişilik yer kaldı
   *[other] { $count } kişilik yer kaldı
}
event-waiting-count = { $count ->
    [one] bir kişi bekliyor
   *[other] { $count } kişi bekliyor
}
event-programme = Program
event-programme-empty = Programda henüz oturum yok.
event-day = { $number }. gün
event-materials = Materyaller
event-material-announced = duyuruldu, henüz erişilebilir değil
event-outcomes = Çıktılar
event-report = Rapor
event-takeaways = Temel mesajlar
event-practices-presented = Sunulan uygulamalar
event-outcomes-later = İstişareler ve proje fikirleri
event-outcomes-later-hint = Bu etkinlikte yapılan istişareler ve etkinlikten doğan proje fikirleri kaydedildikçe burada listelenecek.
event-outcomes-empty = Çıktılar hakkında henüz bir kayıt girilmedi.
event-participants = Katılımcılar
event-participants-total = { $count ->
    [one] Bir katılımcı
   *[other] { $count } katılımcı
}
event-figures-by-hand = rakamlar koordinatörler tarafından etkinlik kayıtlarından girildi
event-figures-attendance = yoklamaya göre sayıldı
event-figures-registrations = kayıtlara göre sayıldı
event-figures-by-country = Ülkelere göre katılımcılar
event-figures-by-kind = Kuruluş türüne göre katılımcılar
event-figures-count = Katılımcılar
event-figures-kind = Kuruluş türü
event-figures-countries = Temsil edilen ülkeler
event-figures-unknown = Belirtilmedi
event-figures-none = Katılımcı rakamı kaydedilmedi.
event-participant-list = Listede yer almayı kabul eden katılımcılar
event-participant-list-hint = Burada yalnızca onay veren kişiler yer alır; onaylarını istedikleri zaman geri çekebilirler.
event-form-description = Açıklama
event-form-translation-hint = Bir çeviri ekliyorsunuz: boş bırakılan alanlarda özgün metin kalır.
event-form-kind = Tür ve görünürlük
event-form-time-place = Zaman ve yer
event-field-title = Başlık
event-field-summary = Özet
event-field-context = Bağlam ve gerekçe
event-field-objectives = Hedefler
event-field-expected-results = Beklenen sonuçlar
event-field-audience = Hedef kitle
event-field-kind = Etkinlik türü
event-field-status = Durum
event-field-visibility = Kimler görebilir
event-field-series = Seri
event-field-themes = Temalar
event-field-timezone = Saat dilimi
event-field-starts = Başlangıç
event-field-ends = Bitiş
event-field-city = Şehir
event-field-country = Ülke
event-field-address = Adres
event-field-online = Çevrimiçi yapılıyor (ya da çevrimiçi de yapılıyor)
event-field-online-url = Çevrimiçi katılım bağlantısı
event-field-languages = Çalışma dilleri
event-field-interpretation = Tercüme
event-field-organisers = Düzenleyenler
event-field-partners = Ortaklar
event-field-capacity = Kontenjan
event-field-needs-approval = Kayıtlar koordinatör onayı gerektirir
event-field-registration-opens = Kayıt başlangıcı
event-field-registration-closes = Kayıt bitişi
event-field-questions = Kayıt sırasında sorulan sorular
event-field-answers = Yanıtlar
event-field-day = Gün
event-field-position = Gün içindeki sırası
event-field-session-starts = Başlangıç saati
event-field-session-ends = Bitiş saati
event-field-session-kind = Oturum türü
event-field-parent = Çalışma grubu olduğu oturum
event-field-session = Oturum
event-field-role = Rol
event-field-email = Bir üyenin e-posta adresi
event-field-name = Ad soyad
event-field-organisation = Kuruluş
event-field-affiliation = Görev ve kurum
event-field-resource = Kütüphane belgesi
event-field-report = Rapor (bir kütüphane belgesi)
event-field-takeaways = Temel mesajlar
event-field-practices = Sunulan uygulamalar
event-field-total = Katılımcı sayısı
event-field-by-country = Ülkelere göre katılımcılar
event-field-countries = Temsil edilen ülkeler
event-field-note = Rakamların kaynağı
event-hint-summary = Listelerde gösterilen bir ya da iki cümle.
event-hint-context = Etkinliğin neden düzenlendiği. Paragrafları boş bir satırla ayırın.
event-hint-objectives = Her satıra bir hedef yazın.
event-hint-expected-results = Her satıra bir sonuç yazın.
event-hint-audience = Kimlerin katılması gerektiği.
event-hint-timezone = Etkinlik yerinin saat dilimi, örneğin Europe/Istanbul veya Asia/Amman; çevrimiçi etkinliklerde düzenleyenin saat dilimi.
event-hint-online-url = Yalnızca kayıtlı katılımcılara ve koordinatörlere gösterilir.
event-hint-capacity = Sınır olmaması için boş bırakın. Kontenjan dolduğunda kişiler bekleme listesine alınır.
event-hint-questions = Her satıra bir soru yazın. Bir soruyu zorunlu yapmak için satırı * ile başlatın.
event-hint-position = Bir sayı; oturumu gününün en sonuna koymak için boş bırakın.
event-hint-parent = Bu oturumu, seçtiğiniz oturumun paralel çalışma grubu yapmak için bir oturum seçin.
event-hint-person-email = Majlis üyeleri için. Misafirler için boş bırakıp adı yazın.
event-hint-takeaways = Her satıra bir mesaj yazın.
event-hint-by-country = Her ülke için bir satır: iki harfli ülke kodu ve bir sayı, örneğin TR 38.
event-hint-countries = Yalnızca ülkelerin listesi biliniyorsa, boşlukla ayrılmış iki harfli kodlar.
event-figures-by-hand-legend = Elle girilen katılımcı rakamları
event-figures-by-hand-hint = Majlis üzerinden kayıt alınmadan düzenlenen etkinlikler için. Etkinlik sayfasında rakamların elle girildiği belirtilir.
event-no-practices = Henüz yayımlanmış bir uygulama yok.
event-not-translated = henüz bu dile çevrilmedi
event-session-add = Oturum ekle
event-session-edit = Oturumu değiştir
event-session-delete = Oturumu kaldır
event-person-add = Bir oturuma kişi ekle
event-person-remove = Kaldır
event-material-attach = Belge ekle
event-whole-event = Etkinliğin tamamı
event-detach = Bağlantıyı kaldır
event-kind-peer-workshop = Akran çalıştayı
event-kind-webinar = Web semineri
event-kind-field-visit = Saha ziyareti
event-kind-dialogue-workshop = Diyalog çalıştayı
event-kind-academy-module = Akademi modülü
event-status-planned = Planlandı
event-status-open = Kayıtlar açık
event-status-held = Gerçekleştirildi
event-status-cancelled = İptal edildi
session-kind-opening = Açılış
session-kind-keynote = Ana konuşma
session-kind-panel = Moderatörlü panel ve genel oturum
session-kind-working-groups = Paralel çalışma grupları
session-kind-recap = Özet
session-kind-field-visit = Saha ziyareti
session-kind-consultation-clinic = Danışma kliniği
session-kind-presentations = Sunumlar
session-kind-results = Sonuçların sunumu
session-kind-next-steps = Sonraki adımlar
session-kind-closing = Kapanış
session-role-moderator = Moderatör
session-role-rapporteur = Raportör
session-role-speaker = Konuşmacı
session-role-panellist = Panelist
session-role-facilitator = Kolaylaştırıcı
session-role-expert = Uzman
session-role-keynote = Ana konuşmacı
registration-register = Kaydol
registration-join-waiting = Bekleme listesine katıl
registration-sign-in = Kaydolmak için giriş yapın
registration-not-open = Kayıtlar açık değil.
registration-needs-approval = Her kaydı bir koordinatör onaylar.
registration-consent = Adım ve kuruluşum, herkese açık sayfada katılımcılar arasında listelensin
registration-consent-save = Tercihimi kaydet
registration-cancel = Kaydımı iptal et
registration-you-registered = Kaydınız yapıldı.
registration-you-waiting = Bekleme listesindesiniz; bir yer boşalırsa size e-posta gönderilecek.
registration-you-pending = Kaydınız bir koordinatörün onayını bekliyor.
registration-you-cancelled = Kaydınızı iptal ettiniz.
registration-you-declined = Kaydınız kabul edilmedi.
registration-error-closed = Bu etkinliğin kayıtları kapandı.
registration-error-already = Bu kişi zaten kayıtlı.
registration-error-state = Bu kayıt bu arada değişti; listeye yeniden bakın.
registration-status = Durum
registration-status-registered = Kayıtlı
registration-status-waiting = Bekleme listesinde
registration-status-pending = Onay bekliyor
registration-status-cancelled = İptal edildi
registration-status-declined = Reddedildi
registration-count-registered = { $count } kayıtlı
registration-count-waiting = { $count } bekleyen
registration-count-pending = { $count } onay bekleyen
registration-count-attended = { $count } katılan
registration-add = Bir üyeyi kaydet
registration-add-hint = Üyenin e-posta adresi; kayıt üye adına yapılır.
registration-list = Kayıtlar
registration-list-empty = Henüz kimse kaydolmadı.
registration-answers = Yanıtlar
registration-actions = İşlemler
registration-approve = Onayla
registration-decline = Reddet
registration-check-in = Katıldı olarak işaretle
registration-undo-check-in = Katılım işaretini geri al
registration-cancel-for = İptal et
registration-attended = katıldı
registration-listed = herkese açık listede
edit-writing-in = Yazım dili
edit-original = Özgün metin
form-error-timezone = Listeden bir saat dilimi seçin, örneğin Europe/Istanbul.
form-error-datetime = Bir tarih ve saat girin, örneğin 2026-03-14T09:30.
form-error-ends-before-starts = Bitiş, başlangıçtan sonra olmalıdır.
form-error-too-long-event = Bir etkinlik en fazla 31 gün sürebilir.
form-error-venue = Bir şehir girin ya da etkinliği çevrimiçi olarak işaretleyin.
form-error-capacity = 1 ile 100000 arasında bir tam sayı girin ya da boş bırakın.
form-error-too-many-questions = En fazla 10 soru sorabilirsiniz.
form-error-number = Bir tam sayı girin.
form-error-time = Saati saat ve dakika olarak girin, örneğin 14:30.
form-error-no-member = Bu e-posta adresine sahip etkin bir üye yok.
form-error-name-or-member = Bir üyenin e-posta adresini ya da bir misafirin adını girin.
form-error-country-lines = Her satırda bilinen iki harfli bir ülke kodu ve bir sayı olmalıdır, örneğin TR 38.
form-error-more-than-total = Ülkelerin toplamı katılımcı sayısını aşıyor.
mail-event-promoted-subject = Sizin için bir yer açıldı: { $event }
mail-event-promoted-body = Merhaba,

    Bir yer boşaldı ve “{ $event }” etkinliğine kaydınız yapıldı.
    Ayrıntılar etkinlik sayfasında:
    { $link }

    Artık katılamayacaksanız, yerin bir başkasına verilebilmesi için lütfen kaydınızı oradan iptal edin.
mail-event-reminder-subject = Yarın: { $event }
mail-event-reminder-body = Merhaba,

    “{ $event }” etkinliğinin { $when } tarihinde başlayacağını hatırlatırız.
    Yer: { $place }

    Program ve materyaller:
    { $link }
event-field-registration = Kayıt

## Search
nav-search = Arama
search-title = Arama
search-label = Uygulamalarda, belgelerde, etkinliklerde ve üyelerde herhangi bir dilde arayın
search-button = Ara
search-hint = Arapça, Türkçe, İngilizce, Fransızca veya Almanca kelimeler aynı konuda diğer dillerde yazılmış içerikleri de bulur.
search-sort = Sıralama
search-sort-relevance = En ilgili önce
search-sort-newest = En yeni önce
search-refine = Sonuçları daralt
search-clear-filters = Filtreleri kaldır
search-facet-type = Tür
search-facet-theme = Konu
search-facet-country = Ülke
search-facet-language = Dil
search-facet-year = Yıl
search-start = Aramak için birkaç kelime yazın.
search-empty = Hiçbir şey bulunamadı. Başka ya da daha az kelime deneyin veya bir filtreyi kaldırın.
search-type-practice = İyi uygulama
search-type-resource = Belge
search-type-event = Etkinlik
search-type-organisation = Kuruluş
search-type-municipality = Belediye
search-related = İlgili içerikler
practice-presented-at-events = Sunulduğu etkinlikler
resource-used-at-events = Etkinlikler
resource-edit = Belgeyi düzenle
resource-delete = Belgeyi sil
resource-delete-hint = Belge ve tüm dil sürümleri kütüphaneden, etkinliklerden ve uygulamalardan kaldırılır. Bu işlem geri alınamaz.
resource-delete-confirm = Evet, sil
resource-deleted = Belge silindi.
practice-delete = Uygulamayı sil
practice-delete-hint = Uygulama, sürümleri ve ekleri kütüphaneden, derlemelerden ve etkinliklerden kaldırılır; onu paylaşan istişarelerde yazılanlar kalır. Bu işlem geri alınamaz.
practice-delete-confirm = Evet, sil
practice-deleted = Uygulama silindi.
compendium-describe = Açıklamayı düzenle
compendium-translation-hint = Bir çeviri yazıyorsunuz: özgün metin alanların üstünde gösterilir; boş bırakılan alan özgün dilinde gösterilir.
compendium-chapter-introductions = Bölüm girişleri
compendium-chapter-introductions-hint = Her bölümün başlığının altında, sayfada ve PDF’te yer alır. Bir bölüm, içine uygulama yerleştirilip kaydedildikten sonra burada görünür.
compendium-delete = Bu baskıyı sil
compendium-delete-hint = Baskı, bölümleri ve uygulama seçimi kaldırılır; uygulamaların kendisi kütüphanede kalır. Bu işlem geri alınamaz.
compendium-delete-confirm = Evet, sil
compendium-deleted = Baskı silindi.

## Consultations
nav-consultations = İstişareler
search-type-dilemma = İstişare
consultations-title = Akran istişareleri
consultations-lead = Bir şehir bir politika ikilemini sunar; akranlar açık sorular sorar, başka yerlerde işe yarayanları paylaşır ve sonuç kayda geçirilir.
consultations-count = { $count ->
    [one] Bir istişare
   *[other] { $count } istişare
}
consultations-none = Bu filtrelere uyan istişare yok.
consultation-new = Akranlara bir ikilem sunun
consultation-new-lead = İkileminizi bir soru olarak tanımlayın ve akranların ihtiyaç duyacağı bilgileri verin. İkilem taslak olarak kaydedilir; ardından onu belirli bir süre için açar ve akranları davet edersiniz.
consultation-save-draft = Taslağı kaydet
consultation-dilemma = İkilem
consultation-moderation = Bildirilen katkılar
consultation-open = İstişareyi aç
consultation-open-hint = Akranlar bundan sonra { $days } gün boyunca açık soru sorabilir.
consultation-open-ideas = İkinci aşamayı aç: fikirler ve deneyimler
consultation-ideas-hint = Önce akranlar açık sorular sorar, siz de bunları yanıtlarsınız. Her soru yanıtlandığında, akranların fikir, deneyim ve uygulama paylaşabilmesi için ikinci aşamayı açın.
consultation-unanswered = { $count ->
    [one] Bir soru hâlâ yanıtınızı bekliyor.
   *[other] { $count } soru hâlâ yanıtınızı bekliyor.
}
consultation-open-questions = Açık sorular
consultation-ideas-shared = Paylaşılan fikirler ve uygulamalar
consultation-no-questions = Henüz açık soru yok.
consultation-no-ideas = Henüz fikir ya da deneyim yok.
consultation-contribute = Katılın
consultation-phase-one-hint = Birinci aşama: ikilemi sunan kişinin konuya yeniden bakmasına yardımcı olacak açık bir soru sorun. Fikirler ikinci aşamada paylaşılır.
consultation-phase-two-hint = İkinci aşama: bir fikir, bir deneyim ya da kütüphaneden bir uygulama veya belge paylaşın.
consultation-send = Gönder
consultation-conclude = Sonuç
consultation-conclude-send = Sonucu kaydet ve kapat
consultation-archive = Bu istişareyi arşivle
consultation-participants = Katılanlar
consultation-suggested-peers = Davet edilecek akranlar
consultation-invite-after-open = Davetler, istişare açıldıktan sonra e-postayla gönderilir.
consultation-no-suggestions = Önerilecek akran yok: ikileme tema ekleyin ya da bir koordinatöre başvurun.
consultation-invite-legend = Ortak temalara ve ilgili uygulamalara göre önerilenler
consultation-invite = Davet et
consultation-former-member = Eski bir üye
consultation-question-n = Soru { $n }
consultation-report-of = “{ $event }” etkinliğindeki istişareler
consultation-wrapup = Kapanış değerlendirmesi
consultation-wrapup-session = Kapanış değerlendirmesi oturumu
consultation-error-closed = Bu istişare katkı kabul etmiyor.
consultation-error-period-over = Bu istişarenin süresi doldu; artık yalnızca sonucu yazılabilir.
consultation-error-ideas-not-open = Fikirler, ikilemi sunan kişi açık soruları yanıtladıktan sonra ikinci aşamada paylaşılabilir.
consultation-error-unanswered = İkinci aşamayı açmadan önce her açık soruyu yanıtlayın.
consultation-error-not-draft = Bu istişare zaten açık.
consultation-error-not-question = Yalnızca açık sorular yanıtlanır.
consultation-error-not-concluded = Yalnızca sonuçlandırılmış bir istişare arşivlenebilir.
consultation-error-question-short = İkilemi en az 10 karakterlik bir soru olarak yazın.
consultation-error-period = 1 ile 60 arasında bir gün sayısı girin.
consultation-error-municipality = Üyesi olduğunuz bir belediyeyi seçin.
consultation-error-url = https:// veya http:// ile başlayan bir web adresi girin.
consultation-error-link-missing = Bir uygulama ya da belge seçin veya bir web adresi girin.
consultation-error-nobody = En az bir kişi seçin.
form-error-unknown = Bu, sunulan seçeneklerden biri değil.
dilemma-closes = kapanış:
dilemma-phase-questions = açık sorular
dilemma-phase-ideas = fikirler ve deneyimler
dilemma-joint = Birlikte ele alınan ikilemler
dilemma-field-question = Soru olarak ikilem
dilemma-field-information = İkilem hakkında bilgi
dilemma-field-result = Görüşmenin sonucu
dilemma-field-status = Durum
dilemma-field-presenter = Sunan
dilemma-field-affiliation = Belediye veya kuruluş
dilemma-field-municipality = Belediye
dilemma-field-organisation = Kuruluş
dilemma-field-place = Yer
dilemma-field-city = Şehir
dilemma-field-country = Ülke
dilemma-field-themes = Temalar
dilemma-field-help = Aranan destek
dilemma-field-visibility = Kimler okuyabilir
dilemma-field-period = Açık kalacağı süre (gün)
dilemma-field-event = Ele alındığı etkinlik
dilemma-field-kind = Katkı türü
dilemma-field-text = Katkınız
dilemma-field-practice = İyi uygulama
dilemma-field-resource = Belge
dilemma-field-url = Web adresi
consultation-choices-hint = Listeler, önce bu danışmanın konularındakiler olmak üzere en fazla { $n } uygulama ve belge gösterir. Başka birini paylaşmak için adresini aşağıya yapıştırın.
dilemma-field-answer = Yanıt
dilemma-field-reason = Gerekçe
dilemma-field-people = Kişiler
dilemma-field-key = Form
dilemma-field-author-name = Söyleyen
dilemma-field-author = Yazar
dilemma-field-wrapup = Kapanış değerlendirmesi mesajı
dilemma-hint-question = Örneğin: Aileleri ülkemizi yalnızca bir transit ülke olarak gören çocuklara nasıl ulaşabiliriz? En fazla 500 karakter.
dilemma-hint-information = Akranların ihtiyaç duyduğu bağlam: neler denediğiniz, kimlerin işin içinde olduğu, sizi nelerin sınırladığı. En fazla 5000 karakter.
dilemma-hint-period = 1 ile 60 gün arası; boş bırakılırsa 14 gün.
dilemma-status-draft = Taslak
dilemma-status-open = Açık: sorular
dilemma-status-in-discussion = Görüşülüyor
dilemma-status-concluded = Sonuçlandı
dilemma-status-archived = Arşivlendi
dilemma-visibility-public = Herkes
dilemma-visibility-members = Giriş yapmış üyeler
dilemma-visibility-participants = Yalnızca katılan kişiler
contribution-kind-question = Açık soru
contribution-kind-idea = Fikir
contribution-kind-experience = Deneyim
contribution-kind-link = Uygulama veya belge
help-sought-practices = Başka yerlerde işe yarayan uygulamalar
help-sought-experience = Akranların deneyimi
help-sought-expertise = Uzman görüşü
help-sought-partners = Bir proje için ortaklar
participant-role-presenter = sunan
participant-role-invited = davetli
participant-role-rapporteur = raportör
suggest-reason-municipality = bu temalar üzerinde çalışıyor
suggest-reason-expert = bu temalarda uzman
suggest-reason-practice = ilgili bir uygulamanın yazarı
contribution-helped = Bu yardımcı oldu
contribution-hidden = Bir moderatör tarafından gizlendi
contribution-reports = { $count ->
    [one] bir kez bildirildi
   *[other] { $count } kez bildirildi
}
contribution-answer = İkilemi sunan kişinin yanıtı
contribution-your-answer = Yanıtınız
contribution-answer-send = Yanıtla
contribution-mark-helped = Yararlı olarak işaretle
contribution-unmark-helped = Yararlı işaretini kaldır
contribution-flag = Bir moderatöre bildir
contribution-flag-reason = Bunun sorunu ne?
contribution-flag-send = Bildir
moderation-title = Moderasyon
moderation-reason = Gerekçe (denetim kaydında saklanır)
moderation-reasons = Belirtilen gerekçeler
moderation-hide = Gizle
moderation-restore = Geri getir
moderation-none = Moderatör bekleyen katkı yok.
clinic-title = Danışma oturumu
clinic-queue = Bu oturumun ikilemleri
clinic-queue-empty = Bu oturum için henüz sıraya alınmış bir ikilem yok.
clinic-add-dilemma = Oturuma bir ikilem ekle
clinic-record = Bir soru, fikir ya da uygulama kaydet
clinic-record-send = Kaydet
clinic-said-by = Söyleyen (isteğe bağlı)
clinic-result = Görüşmenin sonucu
clinic-result-send = Sonucu kaydet
clinic-no-wrapups = Henüz kapanış değerlendirmesi mesajı yok.
clinic-wrapup-author = Yazar
clinic-wrapup-text = Kapanış değerlendirmesi mesajı
clinic-wrapup-send = Kapanış değerlendirmesini ekle
clinic-report = Rapor
clinic-report-html = Raporu oku
clinic-report-pdf = Rapor (PDF)
clinic-report-preview = Raporu önizle
clinic-report-unpublished = Henüz yayımlanmadı
clinic-report-draft = Bu rapor henüz yayımlanmadı; yalnızca oturumu kayda geçiren kişiler görebilir.
clinic-publish = Raporu yayımla
clinic-withdraw = Raporu geri çek
practice-discussed-in = Ele alındığı istişareler
event-consultations = Danışma oturumları
event-consultations-report = İstişarelerin raporu
mail-consultation-invited-subject = { $inviter } sizi bir akran istişaresine davet ediyor
mail-consultation-invited-body = Merhaba,

    { $inviter } sizi şu ikilemle ilgili yardıma davet ediyor:
    { $question }

    İkilemi okuyun, açık bir soru sorun ve daha sonra sizin için işe yarayanları paylaşın:
    { $link }

## Open registration
register-title = Hesap isteyin
register-lead = Kendinizi tanıtın. Ağın koordinatörlerinden biri her isteği okur ve e-postayla yanıtlar.
register-affiliation = Belediyeniz veya kuruluşunuz ve göreviniz
register-note = Koordinatörlere bir not (isteğe bağlı)
register-submit = İsteğimi gönder
register-done = Teşekkürler. Bu adres katılabiliyorsa bir koordinatör size e-postayla yanıt verecek.
register-link = Henüz hesabınız yok mu? Bir hesap isteyin.
people-requests = Katılım istekleri
people-request-approve = { $name } isteğini onayla
people-request-decline = { $name } isteğini reddet
mail-signup-received-subject = Majlis'e katılma isteğiniz
mail-signup-received-body = Merhaba,

    Hesap isteğinizi aldık. Ağın koordinatörlerinden biri okuyup size e-postayla yanıt verecek.
    { $link }
mail-signup-existing-subject = Biri adresinizle Majlis'e katılmak istedi
mail-signup-existing-body = Merhaba,

    Biri, zaten bir hesabı olan bu e-posta adresiyle yeni bir hesap istedi. Siz idiyseniz oturum açın veya buradan yeni bir parola seçin:
    { $link }

    Siz değilseniz bir şey yapmanıza gerek yok.
mail-signup-approved-subject = Majlis hesabınız hazır
mail-signup-approved-body = Merhaba,

    Bir koordinatör isteğinizi onayladı. E-posta adresiniz ve seçtiğiniz parolayla oturum açın:
    { $link }
mail-signup-declined-subject = Majlis'e katılma isteğiniz
mail-signup-declined-body = Merhaba,

    Bir koordinatör hesap isteğinizi onaylayamadı ve istek silindi. Bir hata olduğunu düşünüyorsanız ağın koordinatörlerine yazın.
    { $link }
clinic-joint = Başka bir ikilemle birlikte tartışıldı
clinic-joint-with = Birlikte tartışıldığı ikilem
clinic-joint-none = Tek başına
clinic-error-joint = Bu oturumda tek başına tartışılmış bir ikilem seçin; seçilen ikilem ortak sonucu taşır.
consultation-invite-as = Davet edilme sıfatı
dilemma-field-with = Birlikte tartışıldığı ikilem
affiliations-title = Bağlılıklar
affiliations-lead = Bu kişinin bağlı olduğu belediyeler ve kuruluşlar. Odak kişi belediye adına hareket eder: profilini düzenler ve uygulamalarını gönderir.
affiliations-none = Henüz bağlılık yok.
affiliations-add = Bağlılık ekle
affiliations-to = Belediye veya kuruluş
affiliations-position = Görev (isteğe bağlı)
affiliations-focal-point = odak kişi
affiliations-focal-point-hint = Bu belediyenin odak kişisi (kuruluşlar için geçerli değil)
affiliations-remove = { $name } bağlılığını kaldır
affiliations-error-choose = Listeden bir belediye veya kuruluş seçin.

# trust repairs: uploads
upload-limits = Form başına: en fazla { $files } dosya, toplam { $total } MB.
upload-quota-used = Kayıtlı dosyalarınız { $quota } MB kotanızın { $used } MB kadarını kullanıyor.
upload-error-form-too-large = Bu formdaki dosyalar birlikte form başına sınırı aşıyor.
upload-error-quota = Bu dosya kayıtlı dosyalarınızı kotanızın üzerine çıkarır (kullanımınız dosya alanının altında gösterilir).

# surveys
nav-surveys = Anketler
surveys-title = Üye belediye anketleri
surveys-lead = Ağın üye belediyelerine sorduğu sorular ve belediyelerin verdiği yanıtlar. Hedeflenen her belediye adına o belediyenin irtibat kişisi yanıt verir.
surveys-none = Henüz anket yok.
survey-new = XLSForm’dan yeni anket
survey-to-answer = Belediyenizden bu anketi yanıtlaması isteniyor.
survey-status-draft = Hazırlanıyor
survey-status-open = Açık
survey-status-closed = Kapandı
survey-audience-public = Herkes
survey-audience-members = Giriş yapmış üyeler
survey-audience-staff = Yalnızca ağ ekibi
survey-by-none = Gruplamadan
survey-by-country = Ülkeye göre
survey-by-population = Nüfusa göre
survey-by-refugees = 100 kişi başına mülteci sayısına göre
survey-band-population-under-50k = 50.000’den az nüfus
survey-band-population-50k-250k = 50.000 ile 250.000 arası nüfus
survey-band-population-250k-1m = 250.000 ile 1 milyon arası nüfus
survey-band-population-over-1m = 1 milyonun üzerinde nüfus
survey-band-refugees-under-5 = 100 kişi başına 5’ten az mülteci
survey-band-refugees-5-15 = 100 kişi başına 5 ile 15 arası mülteci
survey-band-refugees-15-30 = 100 kişi başına 15 ile 30 arası mülteci
survey-band-refugees-over-30 = 100 kişi başına 30’dan fazla mülteci
survey-group-unknown = Bilinmiyor
survey-synthetic = Bu anketin yanıtları kurgusaldır: tanıtım amacıyla yazılmıştır, belediyeler tarafından verilmemiştir.
survey-field-status = Durum
survey-window = Yanıt dönemi
survey-questions = Sorular
survey-version = sürüm
survey-event = Etkinlik
survey-response-rate = Yanıt oranı
survey-responses = Sayılan yanıtlar
survey-results = Sonuçlar
survey-preview = Formu önizle
survey-preview-lead = Formun tüm sayfaları ve tüm soruları, onları gösteren ya da atlayan koşullarla birlikte.
survey-form-languages = Formun dilleri
survey-shown-when = Gösterilme koşulu:
survey-download-form = XLSForm’u indir
survey-your-answers = Belediyenizin yanıtları
survey-answer-now = Anketi yanıtla
survey-see-answers = Yanıtları gör
survey-targets = Hedef belediyeler
survey-progress-none = Başlanmadı
survey-progress-draft = Taslak kaydedildi
survey-progress-submitted = Gönderildi
survey-campaign = Kampanya
survey-field-title = Başlık
survey-field-description = Açıklama
survey-field-opens = Yanıtlamanın ilk günü
survey-field-closes = Yanıtlamanın son günü
survey-field-audience = Sonuçları kimler okuyabilir
survey-save-campaign = Kampanyayı kaydet
survey-saved = Kaydedildi.
survey-replace-form = Formu değiştir
survey-replace-form-lead = Değiştirilmiş bir XLSForm yükleyin. Yanıt varsa form yeni bir sürüm olur; verilmiş yanıtlar, yanıtlandıkları sürüme bağlı kalır.
survey-upload-title = XLSForm yükle
survey-upload-lead = KoboToolbox veya ODK için hazırlanmış bir form: survey, choices ve settings sayfaları. Hiçbir şey kaydedilmeden önce denetlenir; her sorun için sayfa ve satır belirtilir.
survey-field-form = Form dosyası (.xlsx ya da markdown tablo biçimi)
survey-hint-form = En fazla { $mb } MB.
survey-upload-button = Yükle ve denetle
survey-error-form = Bu form olduğu gibi kullanılamaz. Hiçbir şey kaydedilmedi. Aşağıdakileri düzeltip formu yeniden yükleyin:
survey-error-no-file = Bir form dosyası seçin.
survey-error-too-large = Dosya, izin verilen boyut sınırını aşıyor.
survey-error-not-xlsform = Bu dosya ne bir Excel çalışma kitabı (.xlsx) ne de markdown tablo biçiminde bir form.
survey-error-no-title = Formun ayarlarında (settings sayfası) ne form_title ne de form_id var.
survey-error-title = Ankete bir başlık verin.
survey-error-window = Yanıtlamanın son günü ilk günden sonra olmalıdır.
survey-error-no-targets = Anketi açmadan önce hedef belediyeleri seçin.
survey-error-targets = Seçilen belediyelerden biri mevcut değil.
survey-error-date = Tarihi YYYY-AA-GG biçiminde yazın, örneğin 2026-03-14.
survey-error-value = Sunulan değerlerden birini seçin.
survey-answering-for = Yanıtlanan belediye:
survey-page = Sayfa
survey-required-mark = zorunlu
survey-answers-refused = Bazı yanıtları yeniden kontrol etmeniz gerekiyor. Bu sayfadaki hiçbir şey kaydedilmedi:
survey-problem-required = Yanıt zorunludur.
survey-problem-whole = Bir tam sayı girin.
survey-problem-number = Bir sayı girin.
survey-problem-date = Tarihi YYYY-AA-GG biçiminde yazın, örneğin 2026-03-14.
survey-problem-range = Bu değer ölçeğin dışında.
survey-problem-choice = Sunulan yanıtlardan birini seçin.
survey-problem-constraint = Bu yanıt kabul edilmiyor.
survey-back = Geri
survey-save-draft = Taslağı kaydet
survey-next = Kaydet ve devam et
survey-draft-saved = Taslak kaydedildi.
survey-read-only = Bu anket şu anda yanıt kabul etmiyor; yanıtlar kaydedildikleri haliyle gösteriliyor.
survey-editing-submitted = Belediyeniz yanıtlarını gönderdi. Burada kaydettiğiniz değişiklikler ancak onları yeniden gönderdiğinizde geçerli olur.
survey-not-accepting = Bu anket şu anda yanıt kabul etmiyor. Hiçbir şey kaydedilmedi.
survey-review-title = Kontrol et ve gönder
survey-change = Değiştir
survey-submit = Yanıtları gönder
survey-submit-changes = Değişiklikleri gönder
survey-submitted = Teşekkürler: yanıtlar gönderildi.
survey-is-submitted = Bu yanıtlar gönderildi.
survey-changes-not-submitted = Değişiklikler kaydedildi ancak henüz gönderilmedi: daha önce gönderilen yanıtlar geçerliliğini koruyor.
survey-break-down = Gruplara ayır
survey-privacy-note = Yanıt verenleri korumak için { $n } altındaki sayılar ("gizli") ve bunların hesaplanmasına yarayabilecek hiçbir sayı gösterilmez; küçük gruplarda %0 ve %100 de gösterilmez.
survey-answered = Yanıtlayan
survey-not-answered = Yanıtlamayan
survey-answer = Yanıt
survey-all = Tümü
survey-suppressed = gizli
survey-chart-description = Bu soruyu yanıtlayan belediyelerin her yanıta göre payı; yandaki tablo aynı rakamları verir.
survey-mean = Ortalama
survey-median = Medyan
survey-quartiles = Çeyrekler (%25 – %75)
search-type-survey = Anket
event-surveys = Bu etkinliğin anketleri
survey-download-answers = Yanıtları indir
survey-with-names = seçenek adları
survey-with-labels = etiketler
survey-reach = Yanıtlayanlara ulaşmak
survey-remind-lead = Henüz yanıt göndermemiş belediyelerin irtibat kişilerine kendi dillerinde e-posta ile hatırlatma gönderin (her belediyeye günde en fazla bir kez). Kampanya kapanmadan üç gün önce de otomatik bir hatırlatma gönderilir.
survey-remind = Hatırlatma gönder
survey-reminders-sent = { $count } hatırlatma gönderim kuyruğuna alındı.
survey-not-accepting-reminders = Anket şu anda yanıt kabul etmiyor: hatırlatma gönderilmedi.
survey-links = Kişisel bağlantılar
survey-links-lead = Adı belirtilen bir yanıtlayıcıya e-posta ile gönderilen bağlantı: hesap gerektirmez ve tek bir yanıt alır.
survey-field-link-name = Yanıtlayanın adı
survey-field-link-email = E-posta adresi
survey-field-link-municipality = Adına yanıt verdiği belediye (isteğe bağlı)
survey-send-link = Bağlantıyı gönder
survey-link-sent = Bağlantı gönderiliyor.
survey-new-version = Form, yanıtlar verildikten sonra değişti: artık yeni bir sürüm; verilen yanıtlar kendi sürümlerini korur.
survey-error-link-name = Yanıtlayanın adını yazın.
survey-error-link-email = Geçerli bir e-posta adresi yazın.
survey-error-link-draft = Bağlantı göndermeden önce anketi açın.
survey-no-closing-date = kapanış tarihi yok
mail-survey-link-subject = Anket: { $survey }
mail-survey-link-body = Sayın { $name },

    "{ $survey }" anketini yanıtlamaya davetlisiniz. Kişisel bağlantınız (lütfen paylaşmayın):

    { $link }

    { $closes } tarihine kadar taslak kaydedebilir, geri dönebilir ve gönderebilirsiniz.
mail-survey-reminder-subject = Hatırlatma: { $survey }
mail-survey-reminder-body = { $municipality } irtibat kişisine,

    "{ $survey }" anketi hâlâ belediyenizin yanıtlarını bekliyor. { $closes } tarihine kadar yanıtlayabilir veya taslağınızı tamamlayabilirsiniz:

    { $link }
survey-results-pdf = Sonuçlar PDF olarak
survey-problem-unknown = Formda bu adda bir soru yok.
survey-api-refused = Bazı yanıtlar reddedildi. Hiçbir şey kaydedilmedi.
survey-api-not-text = Bir yanıt metin, sayı ya da true veya false olmalıdır.

## Plans
plan-action-plan = Eylem planı
plan-of = için
plan-responsible = Sorumlu belediye
plan-illustrative = Bu planın ilerleme rakamları örnek niteliğindedir (tanıtım verisi).
plan-illustrative-short = örnek rakamlar
plan-progress = İlerleme
plan-progress-done = Tamamlanan
progress-percent = %{ $n }
plan-no-progress = Henüz ilerleme rakamı yok: sayılan adım yok (hiç adım yok ya da hepsi iptal edilmiş veya ağırlığı 0).
plan-no-progress-short = henüz ilerleme rakamı yok
plan-progress-rule = İlerleme, adımların ağırlıklı ortalamasıdır: tamamlanan adım %100, devam eden adım kendi yüzdesi, başlamamış adım %0 sayılır. İptal edilen adımlar ve ağırlığı 0 olan adımlar hesaba katılmaz.
plan-timeline = Zaman çizelgesi
plan-timeline-desc = { $steps ->
    [one] Bir adım
   *[other] { $steps } adım
    } zaman içinde gösteriliyor.
plan-timeline-milestones = { $count ->
    [one] Bir kilometre taşı.
   *[other] { $count } kilometre taşı.
    }
plan-steps = Adımlar
plan-dates = Tarihler
plan-actions = İşlemler
plan-not-counted = sayılmaz
plan-edit = Düzenle
plan-delete = Sil
plan-back = Plana dön
plan-add-step = Adım ekle
plan-milestones = Kilometre taşları
plan-no-milestones = Henüz kilometre taşı yok.
plan-no-steps = Henüz adım yok.
plan-not-reached = henüz ulaşılmadı
plan-milestone-due-on = hedef tarih { $date }
plan-milestone-reached-on = { $date } tarihinde ulaşıldı
plan-add-milestone = Kilometre taşı ekle
plan-indicators = Göstergeler
plan-no-indicators = Henüz gösterge yok.
plan-attainment = Hedefe ulaşma
plan-attainment-rule = Hedefe ulaşma, başlangıç değerinden hedef değere giden yolun son ölçümle kat edilen payıdır ve %0 ile %100 arasındadır; hedef başlangıç değerinin altında olduğunda da doğru okunur.
plan-not-measured = henüz ölçülmedi
plan-baseline = Başlangıç değeri
plan-target = Hedef
plan-latest = Son ölçüm
plan-add-indicator = Gösterge ekle
plan-add-measurement = Ölçüm kaydet
plan-events = İzleme etkinlikleri
plan-no-events = Bağlı izleme etkinliği yok.
plan-attach = Etkinliği bağla
plan-detach = Bağlantıyı kaldır
plan-municipality-heading = Eylem planları
plan-status-not-started = Başlamadı
plan-status-in-progress = Devam ediyor
plan-status-done = Tamamlandı
plan-status-cancelled = İptal edildi
plan-new-steps = Yeni adım
plan-edit-steps = Adımı düzenle
plan-new-milestones = Yeni kilometre taşı
plan-edit-milestones = Kilometre taşını düzenle
plan-new-indicators = Yeni gösterge
plan-edit-indicators = Göstergeyi düzenle
plan-new-measurements = Ölçüm kaydet
plan-edit-measurements = Ölçüm
plan-new-events = İzleme etkinliği bağla
plan-edit-events = İzleme etkinliği
plan-field-title = Başlık
plan-field-owner = Yürüten
plan-field-owner-text = Yürüten (birim, kişi…)
plan-field-owner-municipality = Yürüten belediye
plan-field-starts-on = Başlangıç tarihi
plan-field-due-on = Bitiş tarihi
plan-field-reached-on = Ulaşılma tarihi
plan-field-status = Durum
plan-field-percent = Tamamlanma yüzdesi
plan-field-weight = Ağırlık
plan-field-name = Ad
plan-field-unit = Birim
plan-field-baseline-value = Başlangıç değeri
plan-field-baseline-on = Başlangıç tarihi
plan-field-target-value = Hedef değer
plan-field-target-on = Hedef tarihi
plan-field-indicator = Gösterge
plan-field-measured-on = Ölçüm tarihi
plan-field-date = Tarih
plan-field-value = Değer
plan-field-source = Kaynak
plan-field-event = Etkinlik
plan-hint-owner = Adımı kimin yürüttüğünü yazın, bir belediye seçin ya da ikisini birden yapın.
plan-hint-percent = 0 ile 100 arasında bir tam sayı.
plan-hint-weight = Adımın planın ilerlemesinde ne kadar sayılacağı (0 ile 1000 arası; varsayılan 1).
plan-hint-target = Başlangıç değerinden farklı olmalı; onun altında da olabilir (örneğin daha az bekleyen kişi).
plan-hint-source = Rakamın nereden geldiği (bir kayıt, bir anket, bir rapor).
plan-error-required = Bu alan zorunludur.
plan-error-date = Tarihi YYYY-AA-GG biçiminde yazın.
plan-error-date-order = Bu tarih, izlemesi gereken tarihten önce geliyor.
plan-error-number = Bir sayı yazın (örneğin 12 ya da 4,5).
plan-error-percent = 0 ile 100 arasında bir tam sayı yazın.
plan-error-weight = 0 ile 1000 arasında bir tam sayı yazın.
plan-error-target-equals-baseline = Hedef, başlangıç değerinden farklı olmalıdır.
plan-error-choice = Sunulan seçeneklerden birini seçin.
plan-error-too-long = Bu çok uzun.
plan-chart-desc = Başlangıç değeri: { $baseline } ({ $baseline_on }) → hedef: { $target } ({ $target_on }); son ölçüm: { $latest }
plan-error-number-grouped = Sayıyı binlik ayırıcı olmadan yazın: 1500 ya da bir buçuk için 1,5.
plan-error-year = 1900 ile 2100 yılları arasında bir tarih girin.

## Projects
nav-projects = Projeler
search-type-project = Proje fikri
event-projects = Bu etkinlikten doğan proje fikirleri
projects-title = Proje fikirleri
projects-lead = Çalıştaylarda ve istişarelerde doğan fikirler, fikirden sonuca kadar, onları taşıyan ortaklıklarla birlikte izlenir.
projects-count = { $count ->
    [one] Bir proje fikri
   *[other] { $count } proje fikri
}
projects-none = Eşleşen proje fikri yok.
project-new = Bir proje fikri yaz
project-edit = Proje fikrini düzenle
project-save = Kaydet
project-form-lead = Her seferinde tek bir dilde yazın; çeviriler, fikri başka bir dilde düzenleyerek eklenir.
project-writing-in = Yazım dili
project-lead = Öncü
project-status-idea = Fikir
project-status-concept = Konsept
project-status-partnership-formed = Ortaklık kuruldu
project-status-in-implementation = Uygulamada
project-status-completed = Tamamlandı
project-status-dropped = Bırakıldı
project-visibility-public = Herkese açık
project-visibility-members = Yalnızca üyeler
project-visibility-participants = Yalnızca katılımcılar
project-partner-kind-municipality = Belediye
project-partner-kind-ngo = Sivil toplum kuruluşu
project-partner-kind-academia = Üniversite veya araştırma
project-partner-kind-government = Kamu kurumu
project-partner-kind-private = Özel sektör
partnership-status-invited = Davet edildi
partnership-status-accepted = Ortak
partnership-status-declined = Reddetti
partnership-status-left = Ayrıldı
partner-step-invited = davet edildi
partner-step-accepted = daveti kabul etti
partner-step-declined = daveti reddetti
partner-step-left = ortaklıktan ayrıldı
partner-step-removed = öncü belediye tarafından ortaklıktan çıkarıldı
project-field-title = Başlık
project-field-problem = Sorun
project-field-objectives = Hedefler
project-field-activities = Önerilen faaliyetler
project-field-themes = Temalar
project-field-event = Doğduğu etkinlik
project-field-session = Oturum
project-field-followups = Üzerinde daha sonra çalışılan etkinlikler
project-field-dilemma = Doğduğu istişare
project-field-lead = Öncü belediye
project-field-visibility = Kimler okuyabilir
project-field-programme = Program
project-field-programme_countries = Programın eşleştirdiği ülkeler
project-field-partners = Aranan ortaklar
project-field-status = Durum
project-field-reason = Gerekçe
project-field-municipality = Belediye
project-partner-kind = Ortak türü
project-partner-country = Ülke
project-partner-expertise = Uzmanlık
project-hint-lines = Her satıra bir tane.
project-hint-session = Oturumlarından birini seçmek için etkinliği seçip kaydedin.
project-hint-programme-countries = Virgülle ayrılmış ülke kodları, örneğin DE, TR: bu ülkelerin belediyeleri arasındaki ortaklıklar desteklenebilir.
project-hint-partners = Her ortak türü için bir satır; boş bırakılan satır kaldırılır. Yeni bir boş satır için kaydedin.
project-hint-reason = Fikir bırakıldığında gerekli: nedenini yazın.
project-illustrative = Bu fikir tanıtım verilerinden gelir: ortaklıkları ve ilerleme rakamları örnek niteliğindedir.
project-dropped-because = Bırakılma nedeni:
project-versions = Sürümler
project-partnerships = Ortaklıklar
project-no-partners = Henüz ortak yok.
project-accept = Daveti kabul et
project-decline = Reddet
project-leave = Ortaklıktan ayrıl
project-remove = Ortaklığı sona erdir
project-history = Geçmiş
project-by = yapan:
project-invite-which = Bir belediyeyi davet et
project-invite = Davet et
project-suggestions = Önerilen ortaklar
project-suggestions-hint = Ağdan katılabilecek belediyeler ve nedenleri.
project-reason-practice = { $municipality }, aynı temada “{ $practice }” uygulamasını yayımladı.
project-reason-themes = { $municipality }, { $themes } üzerine çalışıyor.
project-reason-languages = { $municipality } da { $languages } dilinde yazıyor.
project-reason-funded = Program, { $lead } ile { $partner } arasındaki ortaklıkları destekliyor.
project-see-practice = uygulamayı oku
project-plan = Eylem planı
project-plan-open = Eylem planını aç
project-plan-progress = %{ $percent } tamamlandı
project-plan-steps = { $steps } adımdan { $done } tanesi tamamlandı
project-plan-illustrative = Planın ilerleme rakamları örnek niteliğindedir.
project-no-plan = Henüz eylem planı yok.
project-start-plan = Bir eylem planı başlat
project-change-status = Durumu değiştir
project-error-session = seçilen etkinliğin bir oturumunu seçin
project-error-partner-kind = aranan her ortağın türünü seçin
project-error-transition = fikir bulunduğu durumdan bu duruma geçemez
project-error-reason = fikrin neden bırakıldığını yazın
project-error-lead-partner = öncü belediye kendi ortağı olamaz
project-error-already-partner = bu belediye zaten davet edildi ya da ortak
project-error-no-focal-point = bu belediyenin platformda daveti yanıtlayacak bir irtibat kişisi yok
project-error-no-invitation = yanıt bekleyen bir davet yok
project-error-not-partner = bu belediye ortak değil
mail-project-invited-subject = { $lead }, { $municipality } belediyesini bir proje ortaklığına davet ediyor
mail-project-invited-body = Merhaba,

    { $lead }, { $municipality } belediyesini “{ $project }” proje fikrinin ortağı olmaya davet ediyor.

    { $municipality } irtibat kişisi olarak fikri okuyabilir ve daveti buradan kabul edebilir ya da reddedebilirsiniz:
    { $link }
mail-project-accepted-subject = { $municipality } davetinizi kabul etti
mail-project-accepted-body = Merhaba,

    { $municipality }, “{ $project }” proje fikrinin ortağı olma davetini kabul etti.

    { $link }
mail-project-declined-subject = { $municipality } davetinizi reddetti
mail-project-declined-body = Merhaba,

    { $municipality }, “{ $project }” proje fikrinin ortağı olma davetini reddetti.

    { $link }

## The outcomes chain: a municipality's ideas and partnerships, the network's figures, milestone calendars
municipality-projects-heading = Proje fikirleri
municipality-partnerships-heading = Ortaklıklar
network-projects-heading = Duruma göre proje fikirleri
network-projects-count = Fikirler
network-partnerships-heading = Duruma göre ortaklıklar
network-partnership-status = Ortaklık
network-partnerships-count = Ortaklıklar
network-figures-total = Toplam
project-milestones-ics = Kilometre taşları takviminizde (iCalendar)
project-milestones-calendar = “{ $title }” kilometre taşları
project-milestone-of = “{ $title }” proje fikrinin kilometre taşı
project-milestone-reached = { $date } tarihinde ulaşıldı
project-milestone-open = Henüz ulaşılmadı
plan-milestones-ics = Kilometre taşları takviminizde (iCalendar)

## Atom feeds
feed-network = Majlis: ağdaki yenilikler
feed-practices = Majlis: iyi uygulamalar
feed-resources = Majlis: belgeler
feed-events = Majlis: etkinlikler
feed-consultations = Majlis: sonuçlanan istişareler

# --- What a newcomer sees (issue 20): design system, events, home page, demo, admin ---
nav-menu = Menü
nav-account = Hesabınız
events-showing-past = Şu anda yaklaşan bir etkinlik yok; bu nedenle geçmiş etkinlikler, en yenisi önce olmak üzere gösteriliyor.
events-none-upcoming = Henüz duyurulmuş yaklaşan bir etkinlik yok.
events-see-past = Geçmiş etkinlikleri görün
events-none = Henüz hiç etkinlik eklenmedi.
events-clear-filters = Tüm etkinlikleri filtresiz gösterin
dilemma-contributions-closed = Katkılara kapalı
dilemma-closed-on = kapanış tarihi
consultations-clear-filters = Tüm istişareleri gösterin
consultations-none-yet = Henüz açılmış bir istişare yok.
compendiums-see-practices = Bu arada iyi uygulamalara göz atın
home-upcoming = Yaklaşanlar
home-recent = Yakın zamanda yapılanlar
home-open-consultations = Katkıya açık istişareler
home-no-open-consultations = Şu anda katkı kabul eden bir istişare yok.
home-concluded-consultations = Sonuçlanan istişareleri okuyun
home-all-consultations = Tüm istişareler
home-all-events = Tüm etkinlikler
home-practices = En yeni iyi uygulamalar
home-documents = En yeni belgeler
home-more-upcoming = Tüm yaklaşan etkinlikler ({ $count })
home-more-past = Tüm geçmiş etkinlikler ({ $count })
home-more-practices = Tüm iyi uygulamalar ({ $count })
home-more-documents = Tüm belgeler ({ $count })
home-figure-events = Etkinlik
home-figure-practices = İyi uygulama
home-figure-documents = Belge
home-network-link = Ülkelere göre üyeler ve rakamlar
compendium-publishing = Yayımlama
compendium-publish = Bu baskıyı yayımlayın
compendium-unpublish = Taslağa geri alın
compendium-draft-hint = Bu baskıyı yayımlanana kadar yalnızca koordinatörler görür.
compendium-published-hint = Herkes okuyabilir ve PDF'sini indirebilir.
invitations-title = Bekleyen davetler
invitations-lead = E-postayla gönderilmiş ve henüz kabul edilmemiş davetler. Yeniden göndermek yedi gün geçerli yeni bir bağlantı oluşturur; eski bağlantı çalışmaz olur.
invitations-none = Kabul edilmeyi bekleyen davet yok.
invitations-by = Davet eden
invitations-link = Bağlantı
invitations-actions = İşlemler
invitations-expired = Süresi doldu
invitations-valid-until = geçerlilik:
invitations-resend = Yeniden gönder
invitations-revoke = Geri çek
invitations-resent = Davet yeni bir bağlantıyla yeniden gönderildi.
invitations-revoked = Davet geri çekildi; bağlantısı artık çalışmıyor.
audit-action-created = Oluşturuldu
audit-action-updated = Değiştirildi
audit-action-cloned = Başka bir etkinlikten kopyalandı
audit-action-programme-changed = Program değiştirildi
audit-action-outcomes-changed = Sonuçlar değiştirildi
audit-action-registered = Kayıt oldu
audit-action-registered-on-behalf = Ekip tarafından kaydedildi
audit-action-cancelled = Kayıt iptal edildi
audit-action-approved = Kayıt onaylandı
audit-action-declined = Kayıt reddedildi
audit-action-checked-in = Katılım işaretlendi
audit-action-check-in-undone = Katılım işareti kaldırıldı
audit-action-consent-given = Listelenmeyi kabul etti
audit-action-consent-withdrawn = Listelenme onayını geri çekti
audit-action-invited = Davet edildi
audit-action-invitation-resent = Davet yeniden gönderildi
audit-action-invitation-revoked = Davet geri çekildi
audit-action-joined = Davetle katıldı
audit-action-account-created = Hesap oluşturuldu
audit-action-account-deleted = Hesap silindi
audit-action-role-changed = Rol değiştirildi
audit-action-reactivated = Hesap yeniden etkinleştirildi
audit-action-deactivated = Hesap devre dışı bırakıldı
audit-action-affiliation-added = Bağlılık eklendi
audit-action-affiliation-removed = Bağlılık kaldırıldı
audit-action-password-changed = Parola değiştirildi
audit-action-password-reset = Parola bağlantıyla sıfırlandı
audit-action-two-factor-on = İki adımlı giriş açıldı
audit-action-api-token-created = API anahtarı oluşturuldu
audit-action-api-token-revoked = API anahtarı iptal edildi
audit-action-calendar-feed-created = Takvim adresi oluşturuldu
audit-action-municipality-created = Belediye eklendi
audit-action-profile-edited = Profil değiştirildi
audit-action-organisation-created = Kuruluş eklendi
audit-action-organisation-edited = Kuruluş değiştirildi
audit-action-resource-created = Belge eklendi
audit-action-resource-updated = Belge değiştirildi
audit-action-resource-deleted = Belge silindi
audit-action-resource-version-added = Dil sürümü eklendi
audit-action-practice-saved = Uygulama kaydedildi
audit-action-practice-deleted = Uygulama silindi
audit-action-practice-attachment-added = Uygulamaya dosya eklendi
audit-action-practice-submitted = Uygulama incelemeye gönderildi
audit-action-practice-review-started = İnceleme başladı
audit-action-practice-changes-requested = Değişiklik istendi
audit-action-practice-published = Uygulama yayımlandı
audit-action-practice-archived = Uygulama arşivlendi
audit-action-practice-comment = İnceleme yorumu
audit-action-compendium-created = Derleme oluşturuldu
audit-action-compendium-described = Derleme açıklaması değiştirildi
audit-action-compendium-arranged = Derleme bölümleri düzenlendi
audit-action-compendium-published = Derleme yayımlandı
audit-action-compendium-unpublished = Derleme taslağa alındı
audit-action-compendium-deleted = Derleme silindi
audit-action-dilemma-create = İstişare yazıldı
audit-action-dilemma-open = İstişare açıldı
audit-action-dilemma-invite = Bir meslektaş istişareye davet edildi
audit-action-dilemma-conclude = İstişare sonuçlandı
audit-action-dilemma-archive = İstişare arşivlendi
audit-action-dilemma-queue = İstişare bir kliniğin gündemine alındı
audit-action-dilemma-joint = İstişareler birlikte ele alındı
audit-action-contribution-create = Katkı gönderildi
audit-action-contribution-answer = Soru yanıtlandı
audit-action-contribution-helped = Yararlı olarak işaretlendi
audit-action-contribution-not-helped = Yararlı işareti kaldırıldı
audit-action-contribution-hide = Katkı bir moderatör tarafından gizlendi
audit-action-contribution-restore = Katkı yeniden gösterildi
audit-action-clinic-publish = Klinik raporu yayımlandı
audit-action-clinic-withdraw = Klinik raporu geri çekildi
audit-action-clinic-wrapup = Kapanış notu yazıldı
audit-action-signup-request = Katılmak istedi
audit-action-signup-approve = Katılım isteği onaylandı
audit-action-signup-decline = Katılım isteği reddedildi
audit-action-signup-discard = Katılım isteği silindi
audit-action-survey-create = Anket oluşturuldu
audit-action-survey-form = Anket formu yüklendi
audit-action-survey-campaign = Anket kampanyası değiştirildi
audit-action-survey-link = Kişisel anket bağlantıları oluşturuldu
audit-action-survey-remind = Anket hatırlatmaları gönderildi
audit-action-survey-submit = Anket yanıtları gönderildi
audit-action-plan-created = Eylem planı oluşturuldu
audit-action-project-saved = Proje fikri kaydedildi
audit-action-project-status = Proje fikrinin durumu değişti
audit-object-kind-event = Etkinlik
audit-object-kind-practice = Uygulama
audit-object-kind-resource = Belge
audit-object-kind-compendium = Derleme
audit-object-kind-dilemma = İstişare
audit-object-kind-contribution = Katkı
audit-object-kind-clinic = Klinik
audit-object-kind-municipality = Belediye
audit-object-kind-organisation = Kuruluş
audit-object-kind-person = Kişi
audit-object-kind-invitation = Davet
audit-object-kind-registration = Kayıt
audit-object-kind-project = Proje fikri
audit-object-kind-plan = Eylem planı
audit-object-kind-survey = Anket
audit-object-kind-api-token = API anahtarı
audit-object-kind-signup_request = Katılım isteği
audit-detail = Ayrıntılar
audit-object-history = Kayıtlı her şey:
# The API described (/api/docs) and open data downloads
api-docs-title = Majlis API'si
api-docs-lead = Ağın yayımladığı her şeyi programlar da okuyabilir: listeler ve tek tek kayıtlar JSON olarak, sayfalardaki filtrelerle.
api-docs-machine-readable = Aynı açıklama, makinece okunabilir biçimde:
api-docs-in-english = Aşağıdaki teknik açıklamalar İngilizcedir.
api-docs-contents = İçindekiler
api-docs-schemas = Veri yapıları
api-docs-needs-token = Kişisel bir API anahtarı gerekir (Authorization: Bearer).
api-docs-token-optional = Herkese açık; kişisel bir API anahtarıyla sahibinin görebildiklerini de gösterir.
api-docs-parameters = Parametreler
api-docs-name = Ad
api-docs-where = Yer
api-docs-type = Tür
api-docs-required = Zorunlu
api-docs-description = Açıklama
api-docs-yes = evet
api-docs-no = hayır
api-docs-request-body = İstek gövdesi
api-docs-responses = Yanıtlar
api-docs-status = Durum
api-docs-body = Gövde
api-docs-headers = Başlıklar
api-docs-field = Alan
api-docs-always = Her zaman var
open-data-source = Kaynak
open-data-licence-text = Lisans metni
open-data-language = Dil
open-data-about-sheet = hakkında
open-data-col-id = Kimlik
open-data-col-slug = Kısa ad
open-data-col-name = Ad
open-data-col-kind = Tür
open-data-col-country-code = Ülke kodu
open-data-col-country-name = Ülke
open-data-col-country = Ülke
open-data-col-region = Bölge
open-data-col-population = Nüfus
open-data-col-population-year = Nüfus yılı
open-data-col-refugees-hosted = Ağırlanan mülteciler
open-data-col-refugees-year = Mülteci sayısı yılı
open-data-col-member-since = Üyelik başlangıcı
open-data-col-themes = Temalar
open-data-col-url = Adres
open-data-col-acronym = Kısaltma
open-data-col-website = Web sitesi
open-data-col-title = Başlık
open-data-col-title-lang = Başlık dili
open-data-col-original-language = Özgün dil
open-data-col-summary = Özet
open-data-col-owner = Sahibi
open-data-col-year = Yıl
open-data-col-status = Durum
open-data-col-languages = Diller
open-data-col-starts-at = Başlangıç
open-data-col-ends-at = Bitiş
open-data-col-timezone = Saat dilimi
open-data-col-city = Şehir
open-data-col-online = Çevrim içi
open-data-col-capacity = Kontenjan
open-data-col-question = Soru
open-data-col-question-lang = Soru dili
open-data-col-presenter = Sunan
open-data-col-event = Etkinlik
open-data-col-opens-at = Açılış
open-data-col-closes-at = Kapanış
open-data-col-licence = Lisans
# Social-cohesion self-assessment (cohesion/)
cohesion-title = Sosyal uyum öz değerlendirmesi
cohesion-link = Sosyal uyum öz değerlendirmesi
cohesion-missing = yeterli yanıt yok
cohesion-index = Uyum endeksi
cohesion-peers = Akranlarla karşılaştırma
cohesion-peers-all = tüm ağ
cohesion-peers-country = aynı ülkedeki belediyeler
cohesion-peers-population = benzer büyüklükteki belediyeler
cohesion-peers-refugees = mülteci oranı benzer belediyeler
cohesion-compare-with = Akranlar
cohesion-compare = Karşılaştır
cohesion-benchmark-too-few = Gizli: karşılaştırılabilir akran sayısı { $needed } altında
cohesion-benchmark-unknown-group = Gizli: belediyenin profilinde bu karşılaştırma için gereken rakam yok
cohesion-benchmark-earlier-wave = Akranlarla yalnızca son dalga karşılaştırılır
cohesion-radar-title = Sosyal uyumun alanları
cohesion-radar-desc = Belediyenin her alandaki puanı, 0 ile 100 arasında; kesikli çizgi, gösterildiği yerde ağın medyanıdır. Aynı rakamlar aşağıdaki tabloda.
cohesion-trend-title = Dalgalar boyunca uyum endeksi
cohesion-trend-desc = Her dalganın endeksi, 0 ile 100 arasında; içi boş noktalar çerçevenin başka bir sürümüyle ölçülmüştür. Aynı rakamlar aşağıdaki tabloda.
cohesion-rule-missing = Eksik yanıtlar: bir katılımcı, yanıtladığı maddeler göstergenin ağırlığının en az yarısını taşıyorsa o göstergede sayılır; alan ve endeks, ağırlıklarının en az yarısı için puan gerektirir. "Bilmiyorum" puanlanmaz. { $base } katılımcıdan azına dayanan rakam gösterilmez.
cohesion-rule-benchmark = Ağın medyanı ve çeyrekler açıklığı yalnızca en az { $needed } karşılaştırılabilir akran olduğunda gösterilir (son dalgaları, aynı biçimde ölçülmüş).
cohesion-rule-scores = Her yanıt 0 ile 100 arasında bir puana dönüştürülür (katılmanın uyuma zarar verdiği ifadeler ters çevrilir). Gösterge maddelerinin, alan göstergelerinin, endeks alanlarının ağırlıklı ortalamasıdır. "Olumlu", uyum açısından iyi taraftaki yanıtların payıdır; "katılıyor", gerginlik izlemenin raporladığı ham katılma oranıdır.
cohesion-rule-privacy = Sakinlerin yanıtları asla gösterilmez: yalnızca toplamlar, belediyeye ve ağın koordinatörlerine, belediye panosunu yayımladığında da burada.
cohesion-synthetic = Sentetik veri: bu dalgalar tanıtım için üretilmiştir, gerçek sakinlerin yanıtları değildir.
cohesion-not-published = Yayımlanmadı: bu panoyu yalnızca belediyenin odak kişileri ve ağın koordinatörleri görür.
cohesion-wave = Dalga
cohesion-weighted = katmanlara göre ağırlıklı
cohesion-left-out = ağırlıklı katmanların dışındaki { $n } katılımcı dışarıda bırakıldı
cohesion-favourable = Olumlu
cohesion-network-median = Ağ medyanı
cohesion-iqr = Çeyrekler açıklığı
cohesion-not-comparable = Diğer dalgalarla karşılaştırılamaz: maddeleri değişen bir çerçeve sürümüyle ölçüldü.
cohesion-domains = Alanlar
cohesion-domain = Alan
cohesion-score = Puan
cohesion-peer-count = Akranlar
cohesion-indicators = Göstergeler
cohesion-indicator = Gösterge
cohesion-trend = Dalgalar boyunca eğilim
cohesion-no-waves = Henüz puanlanmış dalga yok.
cohesion-fielded = Saha çalışmasının sonu
cohesion-framework = Çerçeve
cohesion-items = Maddeler ve araçları
cohesion-item = Madde
cohesion-agree = Katılıyor
cohesion-instrument = Araç
cohesion-reversed = ters
cohesion-named-peers = Endeksini adıyla paylaşan akranlar
cohesion-how = Rakamlar nasıl hesaplanır
cohesion-choices = Yayımlama
cohesion-publish = Bu panoyu yayımla (herkes okuyabilir)
cohesion-by-name = Endeksimizi akranlara adımızla göster (aksi halde yalnızca anonim karşılaştırmada)
cohesion-save = Kaydet
cohesion-link-index = Uyum endeksi: { $score } / 100 ({ $wave } dalgası)
cohesion-synthetic-short = sentetik veri
## Following and notifications
nav-notifications = Bildirimler
nav-notifications-unread = Bildirimler ({ $count } okunmamış)
follow-theme = Bu temayı takip et
unfollow-theme = Bu temayı takipten çık
follow-municipality = Bu belediyeyi takip et
unfollow-municipality = Bu belediyeyi takipten çık
follow-organisation = Bu kuruluşu takip et
unfollow-organisation = Bu kuruluşu takipten çık
follow-series = Bu etkinlik dizisini takip et
unfollow-series = Bu etkinlik dizisini takipten çık
follow-event = Bu etkinliği takip et
unfollow-event = Bu etkinliği takipten çık
follow-dilemma = Bu danışmayı takip et
unfollow-dilemma = Bu danışmayı takipten çık
follow-practice = Bu uygulamayı takip et
unfollow-practice = Bu uygulamayı takipten çık
following-title = Takip ettiklerim
following-lead = Takip ettiklerinizle ilgili haberler bildirimlerinize, dilerseniz e-postanıza gelir. Bir etkinliğe kaydolmak, bir danışmaya katkı vermek, bir ikilem sunmak ya da bir uygulamanın sahibi olmak onu sizin için takip eder; istediğiniz zaman takipten çıkabilirsiniz.
following-none = Henüz hiçbir şeyi takip etmiyorsunuz. Belediye, kuruluş, etkinlik, danışma ve uygulama sayfalarındaki “Takip et” düğmelerini kullanın ya da aşağıdan tema seçin.
following-all-themes = Temalar
following-kind-theme = Temalar
following-kind-municipality = Belediyeler
following-kind-organisation = Kuruluşlar
following-kind-series = Etkinlik dizileri
following-kind-event = Etkinlikler
following-kind-dilemma = Danışmalar
following-kind-practice = Uygulamalar
notifications-title = Bildirimler
notifications-none = Henüz bildirim yok. Haberlerini burada görmek için temaları, belediyeleri, etkinlikleri ya da danışmaları takip edin.
notifications-mark-read = Tümünü okundu say
notifications-new = Yeni:
notice-practice-new =
    { $on ->
        [theme] { $via } temasında
        [series] { $via } dizisinde
        [municipality] { $via } kaynaklı
        [organisation] { $via } kaynaklı
       *[other] { "" }
    } { $count ->
        [one] yeni bir uygulama
       *[other] { $count } yeni uygulama
    }
notice-resource-new =
    { $on ->
        [theme] { $via } temasında
        [series] { $via } dizisinde
        [municipality] { $via } kaynaklı
        [organisation] { $via } kaynaklı
       *[other] { "" }
    } { $count ->
        [one] yeni bir belge
       *[other] { $count } yeni belge
    }
notice-event-new =
    { $on ->
        [theme] { $via } temasında
        [series] { $via } dizisinde
        [municipality] { $via } kaynaklı
        [organisation] { $via } kaynaklı
       *[other] { "" }
    } { $count ->
        [one] yeni bir etkinlik
       *[other] { $count } yeni etkinlik
    }
notice-dilemma-new =
    { $on ->
        [theme] { $via } temasında
        [series] { $via } dizisinde
        [municipality] { $via } kaynaklı
        [organisation] { $via } kaynaklı
       *[other] { "" }
    } { $count ->
        [one] yeni bir danışma
       *[other] { $count } yeni danışma
    }
notice-practice-changed = “{ $title }” uygulaması güncellendi
notice-event-changed = “{ $title }” etkinliği değişti
notice-dilemma-changed = “{ $title }” danışmasında yeni hareket
notice-kind-practice-new = Takip ettiklerimde yeni uygulamalar
notice-kind-practice-changed = Takip ettiğim uygulamalardaki değişiklikler
notice-kind-resource-new = Takip ettiklerimde yeni belgeler
notice-kind-event-new = Takip ettiklerimde yeni etkinlikler
notice-kind-event-changed = Takip ettiğim etkinliklerdeki değişiklikler
notice-kind-dilemma-new = Takip ettiklerimde yeni danışmalar
notice-kind-dilemma-changed = Takip ettiğim danışmalardaki hareketler
notice-project-new =
    { $on ->
        [theme] { $via } temasında
        [municipality] { $via } kaynaklı
       *[other] { "" }
    } { $count ->
        [one] yeni bir proje fikri
       *[other] { $count } yeni proje fikri
    }
notice-survey-new =
    { $on ->
        [municipality] { $via } için
       *[other] { "" }
    } { $count ->
        [one] bir anket açıldı
       *[other] { $count } anket açıldı
    }
notice-cohesion-published = { $via } sosyal uyum öz değerlendirmesini yayımladı
notice-kind-project-new = Takip ettiklerimle ilgili yeni proje fikirleri
notice-kind-survey-new = Takip ettiğim belediyeler için açılan anketler
notice-kind-cohesion-published = Takip ettiğim belediyelerin yayımladığı sosyal uyum panoları
notice-delivery-now = Hemen
notice-delivery-daily = Günlük özet
notice-delivery-weekly = Haftalık özet
notice-delivery-never = E-postayla asla
notice-settings-title = E-posta bildirimleri
notice-settings-lead = Takip ettiğiniz her şey bildirimlerinizde görünür. Her tür için e-postayla da gelip gelmeyeceğini seçin: hemen, günde ya da haftada tek bir iletide, ya da hiç. Özetler sabah gönderilir (UTC 06:00; haftalıklar pazartesi) ve yalnızca anlatacak bir şey olduğunda.
notice-settings-saved = Seçimleriniz kaydedildi.
notice-settings-invalid = Bazı seçimler eksik. Hiçbir şey kaydedilmedi: her tür için bir seçenek işaretleyin.
notice-settings-choose = Bir seçenek işaretleyin.
notice-settings-save = Seçimlerimi kaydet
unsubscribe-title = Bu e-postaları durdur
unsubscribe-lead = Bu, aşağıdakilerle ilgili e-postaları durdurur. Sitedeki bildirimleriniz, diğer seçimleriniz ve hesabınız olduğu gibi kalır.
unsubscribe-done = Tamam: aşağıdakilerle ilgili artık e-posta almayacaksınız.
unsubscribe-confirm = Bu e-postaları durdur
unsubscribe-settings = Oturum açtıktan sonra bunu istediğiniz zaman yeniden değiştirebilirsiniz:
mail-notice-intro = Majlis’te takip ettiklerinizdeki yenilikler şunlar.
mail-notice-footer =
    E-postayla nelerin ve ne sıklıkla geleceğini seçin: { $settings }

    { $kinds } hakkındaki e-postaları durdurun: { $unsubscribe }
mail-notice-subject-now =
    { $count ->
        [one] Majlis: yeni bir bildirim
       *[other] Majlis: { $count } yeni bildirim
    }
mail-notice-subject-daily = Günlük Majlis özetiniz ({ $count })
mail-notice-subject-weekly = Haftalık Majlis özetiniz ({ $count })
imported-from = Kaynak: { $network }

## Plans aimed at cohesion indicators
cohesion-plan-title = Bir göstergeye yönelik plan
cohesion-plan-column = Plan
cohesion-plan-open = Planı aç
cohesion-plan-start = Plan başlat
cohesion-plan-start-button = Planı başlat
cohesion-plan-status = Durum
cohesion-plan-status-met = Hedefe ulaşıldı
cohesion-plan-status-not-yet-met = Henüz ulaşılmadı
cohesion-plan-status-not-met = Ulaşılamadı: hedef tarihi geçti
cohesion-plan-status-not-comparable = Karşılaştırılamaz: göstergenin maddeleri değişti
cohesion-plan-status-not-measured = Henüz ölçülmedi
cohesion-plan-baseline = Başlangıç değeri
cohesion-plan-target = Hedef (0–100)
cohesion-plan-target-hint = Göstergenin ulaşması gereken puan, 0 ile 100 arasında.
cohesion-plan-target-on = Hedef tarihi
cohesion-plan-field-title = Başlık (isteğe bağlı)
cohesion-plan-measures = Her dalganın ölçümü
cohesion-plan-no-measure = Henüz sonraki bir dalga ölçmedi.
cohesion-plan-open-steps = Planın adımları, kilometre taşları ve izlemesi
cohesion-plan-share = Uygulama olarak paylaş
cohesion-plan-share-hint = Bu, kütüphanede bu plandan doldurulmuş bir taslak uygulama oluşturur; tamamlayıp gönderebilirsiniz.
cohesion-plan-open-practice = Taslak uygulamayı aç
cohesion-plan-default-title = Plan: { $indicator }
cohesion-plan-error-required = Bu alan zorunludur.
cohesion-plan-error-target = 0 ile 100 arasında bir sayı girin.
cohesion-plan-error-date = Tarihi YYYY-AA-GG biçiminde girin.
cohesion-plan-error-title = En çok 200 karakter.
cohesion-plan-error-no-score = Bu göstergenin son dalgada puanı yok (çok az yanıt).
cohesion-plan-error-target-equals-baseline = Hedef, başlangıç değerinden farklı olmalıdır.
cohesion-plan-error-date-before = Hedef tarihi başlangıç dalgasından sonra olmalıdır.
cohesion-plan-practice-summary = { $municipality }, “{ $indicator }” sosyal uyum göstergesini iyileştirmeyi hedefledi: sakin algı anketinde 100 üzerinden { $baseline } puandan { $result } puana.
cohesion-plan-practice-results = { $indicator }: { $baseline } / 100 ({ $first }) → { $result } / 100 ({ $last }); hedef { $target }.
audit-action-cohesion-plan-started = Uyum planı başlatıldı
audit-action-cohesion-plan-shared = Uyum planı uygulama olarak paylaşıldı
cohesion-pdf = Gösterge panosu PDF olarak
cohesion-fw-title = Sosyal uyum çerçeveleri
cohesion-fw-lead = Her çerçevenin sürümleri vardır: alanlar, göstergeler ve onları ölçen anket maddeleri. Maddeleri değişen yeni bir sürüm, bu göstergeleri sürümler arasında karşılaştırılamaz kılar.
cohesion-fw-saved = Çerçeve yeni bir sürüm olarak kaydedildi.
cohesion-fw-new = Çerçeve sürümü ekle
cohesion-fw-none = Henüz çerçeve yok.
cohesion-fw-versions = Çerçeveler ve sürümleri
cohesion-fw-slug = Kısa ad
cohesion-fw-version = Sürüm
cohesion-fw-item-count = Maddeler
cohesion-fw-new-lead = Bir çerçeve dosyası yapıştırın (TOML, ağın sunduğu çerçeve gibi yazılmış) ya da yükleyin, önizlemeyi kontrol edin, ardından yeni bir sürüm olarak kaydedin.
cohesion-fw-refused = Çerçeve dosyası kabul edilemiyor; hiçbir şey kaydedilmedi.
cohesion-fw-preview = Önizleme
cohesion-fw-compared = { $previous }. sürümle karşılaştırıldı.
cohesion-fw-changed-count = { $n ->
    [0] Hiçbir gösterge değişmedi.
   *[other] { $n } gösterge değişti: puanları sürümler arasında karşılaştırılamaz olacak.
}
cohesion-fw-first = Bu çerçevenin ilk sürümü.
cohesion-fw-weight = ağırlık
cohesion-fw-change-new = yeni
cohesion-fw-change-changed = değişti: önceki sürümle karşılaştırılamaz
cohesion-fw-change-same = değişmedi
cohesion-fw-question = Soru
cohesion-fw-direction = Yön
cohesion-fw-direction-higher = katılmak olumlu
cohesion-fw-direction-lower = katılmak olumsuz (ters çevrilir)
cohesion-fw-scale = Ölçek
cohesion-fw-removed = Artık çerçevede olmayan göstergeler
cohesion-fw-source = Çerçeve dosyası (TOML)
cohesion-fw-source-hint = Dosyanın metni; yüklenen bir dosya onun yerini alır.
cohesion-fw-file = Ya da dosyayı yükleyin
cohesion-fw-file-hint = En fazla { $kb } kB büyüklüğünde bir .toml dosyası.
cohesion-fw-preview-button = Önizle
cohesion-fw-save-button = Yeni sürüm olarak kaydet
cohesion-fw-error-no-file = Bir çerçeve dosyası yapıştırın ya da yükleyin.
cohesion-fw-error-too-large = Dosya çok büyük.
cohesion-fw-error-not-text = Dosya metin (UTF-8) değil.
cohesion-fw-error-missing = Satır { $line }: “{ $field }” eksik.
cohesion-fw-error-unknown = Satır { $line }: “{ $field }” bir çerçeve dosyasının alanı değil.
cohesion-fw-error-value = Satır { $line }: “{ $field }” değeri geçerli değil.
cohesion-fw-error-syntax = Satır { $line }: bu geçerli bir TOML değil (“{ $field }” yakınında).
cohesion-fw-error-name = Satır { $line }: “{ $field }” yalnızca a–z, 0–9 ve _ içerebilir (harfle başlayan 1 ila 60 karakter).
cohesion-fw-error-duplicate = Satır { $line }: “{ $field }” iki kez kullanılmış.
cohesion-fw-error-weight = Satır { $line }: “{ $field }” ağırlığı pozitif bir sayı olmalı.
cohesion-fw-error-empty = Satır { $line }: “{ $field }” boş.
cohesion-fw-error-slug = Satır { $line }: “slug” yalnızca a–z, 0–9 ve - içerebilir (harfle başlamalı).
cohesion-fw-error-scale = Satır { $line }: “{ $field }” ölçeğinin dosyada seçenekleri yok.
cohesion-fw-error-questionnaire = Çerçeveden oluşturulan anket okunamıyor: { $field }
cohesion-fw-error-version = Satır { $line }: “version”, bu çerçevenin kaydedilmiş son sürümü olan { $latest } değerinden büyük olmalı.
audit-action-cohesion-framework = Uyum çerçevesi sürümü eklendi
cohesion-waves-link = Dalgalar: başlat ve puanla
cohesion-waves-title = Sakin algı anketinin dalgaları
cohesion-waves-lead = Bir dalga, belediye için çerçevenin sakin algı anketinin bir kampanyasını açar; sakinler kişisel bağlantılarla yanıtlar. Yeterli yanıt geldiğinde dalgayı puanlayın: rakamları gösterge paneline gider. Yeniden puanlamak onların yerini alır.
cohesion-wave-started = Dalga başlatıldı: kampanyası açık.
cohesion-wave-scored = Dalga puanlandı.
cohesion-waves-list = Dalgalar
cohesion-waves-none = Henüz dalga yok.
cohesion-wave-status = Durum
cohesion-wave-last-day = Saha çalışmasının son günü
cohesion-wave-so-far = Şimdiye kadarki yanıtlar
cohesion-wave-planned = Planlanan örneklem
cohesion-wave-scores = Puanlar
cohesion-wave-status-collecting = yanıtlar toplanıyor
cohesion-wave-status-closed = kapandı
cohesion-wave-status-no-campaign = kampanya yok
cohesion-wave-campaign = kampanya
cohesion-wave-not-scored = henüz puanlanmadı
cohesion-wave-score = Dalgayı puanla
cohesion-wave-rescore = Yeniden puanla
cohesion-wave-scored-n = puanlandı, n = { $n }
cohesion-wave-score-hint = Puanlama gönderilmiş yanıtları okur; yeniden puanlamak dalganın rakamlarının yerini alır ve göstergelerine yönelik planlar yeniden ölçülür.
cohesion-wave-start = Bir dalga başlat
cohesion-wave-start-lead = Kampanya şimdi açılır ve son gününden sonra kapanır. Planlanan örneklemi ve varsa her grubun planlanan yanıtlayıcılarını ve nüfustaki payını girin; paylarla sonuçlar gruplara göre ağırlıklandırılır.
cohesion-wave-label = Dalganın adı
cohesion-wave-label-hint = Belediyenin verdiği ad, örneğin “2026 ilkbahar”.
cohesion-wave-strata = Yanıtlayıcı grupları (katmanlar)
cohesion-wave-strata-hint = Hepsi isteğe bağlı. Nüfus payları yüzdedir; yanıtları sayılacak her grup için girin.
cohesion-wave-stratum-planned = planlanan yanıtlayıcılar
cohesion-wave-stratum-weight = nüfustaki pay (%)
cohesion-wave-start-button = Dalgayı başlat
cohesion-wave-error-framework = Bir çerçeve seçin.
cohesion-wave-error-label = Dalgaya bir ad verin (en fazla 80 karakter).
cohesion-wave-error-closes = Son günü YYYY-AA-GG biçiminde, bugünden iki yıl sonrasına kadar girin.
cohesion-wave-error-planned = Planlanan örneklemi 1 ile 1.000.000 arasında bir tam sayı olarak girin.
cohesion-wave-error-strata = Planlanan yanıtlayıcıları tam sayı olarak girin.
cohesion-wave-error-strata-sum = Grupların planlanan yanıtlayıcıları planlanan örneklemi aşıyor.
cohesion-wave-error-weight = Her payı 0 ile 100 arasında bir yüzde olarak girin.
cohesion-wave-error-weight-sum = Nüfus payları toplamı %100'ü aşıyor (ya da sıfır).
cohesion-wave-survey-title = Sakin algı anketi, { $municipality }, { $wave }
cohesion-wave-survey-description = { $municipality } için sosyal uyum öz değerlendirmesi: yerel halk ve mültecilerin ilişkileri, belediyeyi, hizmetleri, güvenliği ve aidiyeti nasıl gördüğü. Yanıtlar anonimdir: yalnızca toplamlar gösterilir.
audit-action-cohesion-wave-started = Uyum dalgası başlatıldı
audit-action-cohesion-wave-scored = Uyum dalgası puanlandı
cohesion-wave-links = Sakinler için kişisel bağlantılar
cohesion-wave-links-lead = Her sakin e-postayla kendi bağlantısını alır: bağlantı başına bir yanıt, hesap gerekmez. Yalnızca toplamlar gösterilir.
cohesion-wave-link-sent = Bağlantı gönderildi.
cohesion-wave-link-name = Sakinin adı
cohesion-wave-link-email = Sakinin e-posta adresi
cohesion-wave-link-locale = Davetin dili
cohesion-wave-link-send = Bağlantıyı gönder
cohesion-wave-error-link-closed = Kampanyası yanıt toplayan bir dalga seçin.
cohesion-links-list = Birçok sakine birden
cohesion-links-list-lead = Davet edilecek sakinleri her satıra bir kişi olmak üzere, en çok { $max } satır yapıştırın. Her biri kendi bağlantısını aşağıda seçilen dilde e-postayla alır.
cohesion-links-list-format = Her satıra bir sakin: amal@example.org ya da Amal Haddad <amal@example.org> ya da Amal Haddad, amal@example.org. Sakinin katmanı virgülden sonra gelebilir: Amal Haddad, amal@example.org, refugee.
cohesion-links-list-duplicates = Bir satır hatalıysa hiçbir bağlantı gönderilmez ve her hatalı satır numarasıyla belirtilir. Listede iki kez geçen ya da bu dalga için zaten bağlantısı olan bir adres atlanır: her adres bir bağlantı, yani bir yanıt alır.
cohesion-links-list-strata = Verebileceğiniz katmanlar:
cohesion-links-list-text = Sakinler, her satıra bir kişi
cohesion-links-list-send = Bağlantıları gönder
cohesion-links-list-refused = Hiçbir şey gönderilmedi. Bu satırları düzeltip listeyi yeniden gönderin:
cohesion-links-line = Satır { $line }: { $problem }
cohesion-links-error-format = bir adres, bir ad ve bir adres ya da bir ad, bir adres ve bir katman yazın.
cohesion-links-error-email = bu bir e-posta adresi değil.
cohesion-links-error-name = ad 200 karakterden uzun.
cohesion-links-error-no-strata = bu dalganın çerçevesinde katman yok: katmanı çıkarın.
cohesion-links-error-stratum = bilinmeyen katman; şunlardan birini kullanın: { $strata }.
cohesion-links-error-empty = En az bir sakin yapıştırın.
cohesion-links-error-too-many = Listede { $max } satırdan fazlası var: parça parça gönderin.
cohesion-links-sent = { $n ->
    [one] Bir bağlantı gönderildi.
   *[other] { $n } bağlantı gönderildi.
}
cohesion-links-skipped-repeated = Atlandı, listede daha önce geçiyor: satırlar { $lines }.
cohesion-links-skipped-already = Atlandı, bu dalga için zaten bağlantı gönderilmiş: satırlar { $lines }.
cohesion-municipal-survey-title = Belediye anketi: { $municipality }, { $wave }
cohesion-municipal-survey-description = Belediyenin sosyal uyum için politikaları, hizmetleri ve verileri; her dalgada bir kez odak kişisi tarafından yanıtlanır.
cohesion-municipal-title = Belediye anketi
cohesion-municipal-lead = Her dalga belediyenin kendisine de politikalarını, hizmetlerini ve verilerini sorar. Odak kişisi her dalgada bir kez yanıtlar ve bir yanıtı gösteren belgeler ekleyebilir.
cohesion-municipal-answered = Yanıtlandı
cohesion-municipal-not-answered = Henüz yanıtlanmadı
cohesion-municipal-answer = Anketi aç
cohesion-evidence-private = Belgeleri yalnızca belediyenin kişileri ve ağın koordinatörleri görür; diğer belediyeler ya da kamu asla görmez.
cohesion-evidence-attached = Belge eklendi.
cohesion-evidence-none = Henüz belge eklenmedi.
cohesion-evidence-about = Neyi gösteriyor
cohesion-evidence-whole = Yanıtın tümü
cohesion-evidence-file = Belge
cohesion-evidence-attach = Belgeyi ekle
cohesion-evidence-limits = PDF, Word, Excel, PowerPoint, OpenDocument, JPEG ya da PNG, her biri en çok { $mb } MB; bir dalgada en çok { $max } belge.
cohesion-evidence-error-none = Eklenecek bir belge seçin.
cohesion-evidence-error-question = Anketten bir soru ya da yanıtın tümünü seçin.
cohesion-evidence-error-kind = Bir belge ekleyin: PDF, Word, Excel, PowerPoint, OpenDocument, JPEG ya da PNG.
cohesion-evidence-error-mismatch = Dosyanın içeriği adının söylediği değil (uzantısı başka bir türü gösteriyor). Adını değiştirin ya da doğru dosyayı seçin.
cohesion-evidence-error-many = Bu dalga zaten alabileceği kadar belge içeriyor.
cohesion-evidence-remove = Kaldır
cohesion-evidence-removed = Belge kaldırıldı.
audit-action-cohesion-evidence-attached = Kanıt belgesi eklendi
audit-action-cohesion-evidence-removed = Kanıt belgesi kaldırıldı
cohesion-strata-title = Katmanlara göre kişisel bağlantılar
cohesion-strata-lead = Örneklem planında katman belirtilen her dalga için: her katmanda planlanan yanıtlayıcılar, o katman için gönderilen kişisel bağlantılar (yapıştırılan liste her satırın katmanını verir) ve bu bağlantılardan kaçının yanıtlandığı.
cohesion-stratum = Katman
cohesion-strata-planned = Planlanan yanıtlayıcılar
cohesion-strata-sent = Gönderilen bağlantılar
cohesion-strata-answered = Yanıtlanan
cohesion-stratum-none = Katman belirtilmemiş
cohesion-municipal-dashboard = Belediye politikaları ve hizmetleri
cohesion-municipal-dashboard-lead = Belediyenin, en son dalganın belediye anketine politikaları, hizmetleri ve verileri hakkında verdiği kendi yanıtları.
cohesion-municipal-question = Soru
cohesion-municipal-answer-column = Yanıt
cohesion-municipal-documents = Belgeler
cohesion-municipal-unanswered = Yanıtlanmadı
cohesion-municipal-no-score = Hiçbir soru yanıtlanmadı
cohesion-municipal-answered-n = { $n ->
    [one] 1 soru yanıtlandı
   *[other] { $n } soru yanıtlandı
}
cohesion-municipal-unanswered-n = { $n ->
    [one] 1 soru yanıtlanmadı
   *[other] { $n } soru yanıtlanmadı
}
cohesion-municipal-whole-n = Yanıtın bütününe eklenen belgeler: { $n }
cohesion-municipal-not-submitted = Belediye bu dalga için yanıtlarını henüz göndermedi.
cohesion-municipal-rule = Her yanıt evet için 100, kısmen için 50, hayır için 0 puan alır. Bir bölümün puanı yanıtlanan sorularının ortalaması, anketin puanı ise yanıtlanan tüm sorularının ortalamasıdır; yanıtlanmayan sorular puanlara katılmaz ve sayılır.
cohesion-municipal-documents-private = Belgelerin kendisini yalnızca belediyenin çalışanları ve ağın koordinatörleri görür; burada yalnızca sayıları gösterilir.

## Pictures and charts: the member map, charts of counts, a municipality's position
network-map = Haritada üyeler
network-map-source = Sınırlar: Natural Earth (kamu malı). Her nokta bir üye belediyedir; tablo hepsini listeler.
network-map-places = { $count ->
    [one] Haritada bir belediye
   *[other] Haritada { $count } belediye
}
column-municipality = Belediye
network-chart-members = Ülkelere göre üye belediyeler
network-chart-refugees = Ülkelere göre barındırılan mülteciler
network-refugees-none = Henüz hiçbir üye belediye mülteci sayısı bildirmedi, bu yüzden grafik yok: 0 çubuğu, hiç mülteci barındırılmadığını yanlış biçimde söylerdi.
network-refugees-unreported = { $count ->
    [one] Bir ülkenin bildirilmiş sayısı olmadığından çubuğu yok.
   *[other] { $count } ülkenin bildirilmiş sayısı olmadığından çubuğu yok.
}
chart-table-beside = Aynı rakamlar grafiğin yanındaki tabloda yer alır.
edit-position = Haritadaki konumu
edit-position-hint = Ondalık derece, örneğin 37.0662 ve 37.3833; güney ve batı eksi değerlidir. Haritada görünmemesi için ikisini de boş bırakın.
edit-latitude = Enlem
edit-longitude = Boylam
edit-error-latitude = Ondalık derece olarak -90 ile 90 arasında bir enlem girin ya da iki koordinatı da boş bırakın.
edit-error-longitude = Ondalık derece olarak -180 ile 180 arasında bir boylam girin ya da iki koordinatı da boş bırakın.
picture-title = Fotoğraflar
picture-none = Henüz fotoğraf yok.
picture-manage = Fotoğraf ekle veya kaldır
picture-add = Fotoğraf ekle
picture-added = Fotoğraf eklendi.
picture-deleted = Fotoğraf silindi.
picture-delete = Sil
picture-file = Fotoğraf
picture-file-hint = JPEG, PNG veya WebP, en fazla { $size } MB. Bir kenarı en fazla 640 piksel olacak şekilde küçültülerek gösterilir.
picture-alt = Fotoğrafın açıklaması (alternatif metin)
picture-alt-hint = Fotoğrafı göremeyenler için fotoğrafta ne olduğunu anlatın. Yazdığınız dilde zorunludur; çeviriler isteğe bağlıdır.
picture-alt-orig = Yazıldığı dil
picture-upload = Fotoğrafı yükle
picture-error-none = Yüklemek için bir fotoğraf seçin.
picture-error-kind = Bu dosya JPEG, PNG veya WebP biçiminde bir resim değil.
picture-error-unreadable = Bu resim okunamıyor; bozuk olabilir.
picture-error-many = Burada izin verilen sayıda fotoğraf zaten var (12).
picture-error-alt = Fotoğrafı “Yazıldığı dil” olarak seçtiğiniz dilde açıklayın.
picture-error-alt-long = Her açıklama en fazla 300 karakter olabilir.
audit-action-picture-added = Fotoğraf eklendi
audit-action-picture-deleted = Fotoğraf silindi

## Languages, dates and time zones
event-your-time = Sizin saat diliminizde:
time-zone-title = Saat dilimi
time-zone-lead = Etkinlik sayfaları saatleri etkinlik yerinin saat diliminde gösterir. Saatleri kendi saatinizle de görmek için saat diliminizi seçin.
time-zone-field = Saat diliminiz
time-zone-hint = Saat dilimi veritabanından bir yer adı, örneğin Europe/Istanbul ya da Asia/Beirut. Yalnızca etkinlik yerinin saatlerini görmek için boş bırakın.
time-zone-saved = Saat diliminiz kaydedildi.
time-zone-unknown = Bu, listedeki bir saat dilimi değil. Europe/Berlin gibi birini seçin ya da alanı boş bırakın.
time-zone-none = seçilmedi (yalnızca etkinlik yerinin saatleri)
countries-network = Ağın ülkeleri
countries-other = Diğer ülkeler
demo-stand-in-heading = Bu dosya hakkında
demo-stand-in-text = Bu dosya, Majlis demo ağında asıl belgenin yerini tutar. Demonun dayandığı kaynak belgeler bu belgeyi bu dilde anar ancak belgeyi içermez; bu nedenle bu sayfa, okuma ve indirme denenebilsin diye demo yüklenirken oluşturuldu.
demo-stand-in-footer = Majlis demo ağı · yer tutucu dosya, asıl belge değildir
