"""The network and its people: planning regions, districts, municipalities, schools and users."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of Bulgaria's six NUTS-2 planning regions (BG31 … BG42)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("planning region")
        verbose_name_plural = _("planning regions")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """An oblast, identified by its ISO 3166-2:BG code (BG-01 … BG-28)."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="districts", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("district"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="unique_municipality_name")
        ]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", _("school")
        KINDERGARTEN = "kindergarten", _("kindergarten")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(
        _("institution code"),
        max_length=10,
        unique=True,
        help_text=_("The official code of the institution in NEISPUO."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="schools",
        verbose_name=_("municipality"),
    )
    settlement = models.CharField(_("settlement"), max_length=100)
    address = models.CharField(_("address"), max_length=255, blank=True)
    network_member = models.BooleanField(_("member of the partner network"), default=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return f"{self.name} ({self.settlement})"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # E-mail addresses are compared case-insensitively everywhere, logins included.
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address.

    Bulgarian official documents (qualification certificates among them) carry the full
    three-part name, so the father's name is kept too.
    """

    class Position(models.TextChoices):
        TEACHER = "teacher", _("teacher")
        MEDIATOR = "mediator", _("educational mediator")
        PRINCIPAL = "principal", _("principal or deputy principal")
        KINDERGARTEN_TEACHER = "kindergarten_teacher", _("kindergarten teacher")
        OTHER = "other", _("other")

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    father_name = models.CharField(_("father's name"), max_length=100, blank=True)
    last_name = models.CharField(_("family name"), max_length=100)
    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("school"),
    )
    position = models.CharField(_("position"), max_length=30, choices=Position.choices, blank=True)
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="coordinators",
        verbose_name=_("regions covered"),
        help_text=_("For regional coordinators: the planning regions they are responsible for."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_user_email_ci"),
        ]
        indexes = [
            # The teacher lists of the reports sort by name (and id, to be stable): a page of
            # 100,000 teachers is read by walking this index (reports.selectors.TeacherPages).
            models.Index(fields=["last_name", "first_name", "id"], name="user_name_order"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.father_name, self.last_name) if p)

    def get_short_name(self) -> str:
        return self.first_name


class SchoolChange(models.Model):
    """A teacher moving from one school to another, kept so that history is never rewritten."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="school_changes",
        verbose_name=_("user"),
    )
    from_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from school"),
    )
    to_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to school"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change of school")
        verbose_name_plural = _("changes of school")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.from_school_id} → {self.to_school_id}"
